package dev.hpo.bench;

import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Does the Bayesian strategy crowd the bounds of its ranges, or go back where jobs failed? Three
 * continuous ranges [0, 1], an interior optimum at (0.6, 0.3, 0.7), and jobs that fail (exit 1)
 * whenever a < 0.15. Counts, after the space-filling start, the suggestions within 0.02 of a bound and
 * those in the failing band, beside what uniform sampling would give.
 */
final class RangeEdges {
    private static final int JOBS = 40;
    private static final int START = 10;

    private RangeEdges() {
    }

    static void run(int seeds, int parallel, PrintStream out) throws Exception {
        int suggestions = 0;
        int nearBound = 0;
        int inFailingBand = 0;
        for (int seed = 0; seed < seeds; seed++) {
            for (Map<String, String> hp : suggestionsAfterStart(seed, parallel)) {
                double a = Double.parseDouble(hp.get("a"));
                double b = Double.parseDouble(hp.get("b"));
                double c = Double.parseDouble(hp.get("c"));
                suggestions++;
                if (Stream.of(a, b, c).anyMatch(v -> v < 0.02 || v > 0.98)) {
                    nearBound++;
                }
                if (a < 0.15) {
                    inFailingBand++;
                }
            }
        }
        out.printf("| %d | %d | %d (uniform: %.1f) | %d (uniform: %.1f) |%n", parallel, suggestions, nearBound,
                suggestions * (1 - Math.pow(0.96, 3)), inFailingBand, suggestions * 0.15);
    }

    private static List<Map<String, String>> suggestionsAfterStart(int seed, int parallel) throws Exception {
        String json = """
                {"HyperParameterTuningJobName": "edges",
                 "HyperParameterTuningJobConfig": {
                   "Strategy": "Bayesian", "RandomSeed": %d,
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "objective"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": %d, "MaxParallelTrainingJobs": %d},
                   "ParameterRanges": {"ContinuousParameterRanges": [
                     {"Name": "a", "MinValue": "0", "MaxValue": "1"},
                     {"Name": "b", "MinValue": "0", "MaxValue": "1"},
                     {"Name": "c", "MinValue": "0", "MaxValue": "1"}]}},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                     "MetricDefinitions": [{"Name": "objective", "Regex": "objective=(\\\\S+)"}]}}}
                """.formatted(seed, JOBS, parallel);
        return SyntheticRun.jobs(json, "edges", hp -> {
            double a = Double.parseDouble(hp.get("a"));
            double b = Double.parseDouble(hp.get("b"));
            double c = Double.parseDouble(hp.get("c"));
            if (a < 0.15) {
                return SimulatedLauncher.Script.of(1, "diverged");
            }
            return SimulatedLauncher.Script.of(0, "objective=" + ((a - 0.6) * (a - 0.6) + (b - 0.3) * (b - 0.3) + (c - 0.7) * (c - 0.7)));
        }).stream().skip(START).map(TrainingJob::tunedHyperParameters).toList();
    }
}
