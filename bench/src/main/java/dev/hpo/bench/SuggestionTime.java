package dev.hpo.bench;

import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.Strategy;
import dev.hpo.engine.strategy.Trial;
import dev.hpo.engine.strategy.BayesianStrategy;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The time the Bayesian strategy takes for the next suggestion with 100, 500 and 1,000 completed
 * jobs in the history (random Hartmann6 configurations), median of several calls after warm-up, so
 * the JIT compiler has done its work as it has in a long tuning job.
 */
final class SuggestionTime {
    private static final int WARM_UP = 3;
    private static final int REPEATS = 7;

    private SuggestionTime() {
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Figures.round(Quartiles.percentile(sorted, 50)) + " [" + Figures.round(sorted[0]) + "–"
                + Figures.round(sorted[sorted.length - 1]) + "]";
    }

    static void run(int[] sizes, PrintStream out) throws Exception {
        Hartmann6 function = new Hartmann6();
        SearchSpace space = new ConfigParser(Map.of()).parse("""
                {"HyperParameterTuningJobName": "timing",
                 "HyperParameterTuningJobConfig": {"Strategy": "Bayesian",
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "objective"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 2000, "MaxParallelTrainingJobs": 1},
                   "ParameterRanges": %s},
                 "TrainingJobDefinition": {"AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                   "MetricDefinitions": [{"Name": "objective", "Regex": "objective=(\\\\S+)"}]}}}
                """.formatted(function.parameterRanges()), java.nio.file.Path.of("."), "timing").space();
        out.println();
        out.println("| completed jobs | wall ms to the next suggestion, median [min–max] of " + REPEATS
                + " | CPU ms of the suggesting thread, median [min–max] |");
        out.println("|---|---|---|");
        for (int size : sizes) {
            SplittableRandom random = new SplittableRandom(size);
            List<Trial> history = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                double[] unit = new double[6];
                for (int j = 0; j < 6; j++) {
                    unit[j] = random.nextDouble();
                }
                Map<String, String> values = space.valuesAt(unit);
                history.add(new Trial(i, values, Trial.Outcome.SUCCEEDED, OptionalDouble.of(function.evaluate(values))));
            }
            Strategy strategy = new BayesianStrategy(space, ObjectiveType.Minimize, 1, List.of(), BayesianStrategy.defaultInitialPoints(space));
            double[] millis = new double[REPEATS];
            double[] cpu = new double[REPEATS];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < WARM_UP + REPEATS; i++) {
                long started = System.nanoTime();
                long startedCpu = threads.getCurrentThreadCpuTime();
                strategy.suggest(size + i, history);
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
                    cpu[i - WARM_UP] = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e6;
                }
            }
            out.println("| " + size + " | " + range(millis) + " | " + range(cpu) + " |");
            out.flush();
        }
    }
}
