package dev.hpo.bench;

import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TuningListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One tuning job on a synthetic function through the real tuner loop, store and metric extraction;
 * only the process is simulated: the "training job" prints the function's value as its objective.
 */
final class SyntheticRun {
    private SyntheticRun() {
    }

    /** The objective of each training job in start order. */
    static double[] run(SyntheticFunction function, String strategy, int evaluations, int parallel, long seed) throws Exception {
        String json = """
                {"HyperParameterTuningJobName": "%s",
                 "HyperParameterTuningJobConfig": {
                   "Strategy": "%s", "RandomSeed": %d,
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "objective"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": %d, "MaxParallelTrainingJobs": %d},
                   "ParameterRanges": %s},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                     "MetricDefinitions": [{"Name": "objective", "Regex": "objective=(\\\\S+)"}]}}}
                """.formatted(function.name(), strategy, seed, evaluations, parallel, function.parameterRanges());
        List<TrainingJob> jobs = jobs(json, function.name(), hp -> SimulatedLauncher.Script.of(0, "objective=" + function.evaluate(hp)));
        double[] values = new double[jobs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = jobs.get(i).hasObjective() ? jobs.get(i).finalObjective() : Double.NaN;
        }
        return values;
    }

    /** The training jobs, in start order, of the tuning job {@code json} run on simulated jobs that end at launch. */
    static List<TrainingJob> jobs(String json, String name, Function<Map<String, String>, SimulatedLauncher.Script> scripts) throws Exception {
        Path directory = Files.createTempDirectory("hpo-bench-");
        try {
            TuningJobConfig config = new ConfigParser(Map.of()).parse(json, directory, name);
            Path jobDirectory = directory.resolve(config.name());
            DirectoryStore store = new DirectoryStore(jobDirectory);
            new Tuner(config, store, jobDirectory, SimulatedLauncher.inline(scripts), Map.of(), TuningListener.NONE, Clock.systemUTC(), 2).run();
            return store.trainingJobs();
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Best value among the first {@code k} evaluations minus the optimum. */
    static double regretAt(double[] values, int k, double optimum) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.min(k, values.length); i++) {
            if (!Double.isNaN(values[i])) {
                best = Math.min(best, values[i]);
            }
        }
        return best - optimum;
    }
}
