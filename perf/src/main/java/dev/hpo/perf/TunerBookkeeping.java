package dev.hpo.perf;

import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TuningListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tuner's own cost per training job without any process: the real loop, strategy and directory
 * store, with a simulated launcher whose jobs print one objective line and exit at once. Reports the
 * time per job for each block of {@code block} jobs, so a cost that grows with the number of jobs
 * before it shows as a rising curve.
 *
 * <p>Usage: {@code TunerBookkeeping <jobs> <parallel> <block> <work dir>}
 */
public final class TunerBookkeeping {
    private TunerBookkeeping() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        int block = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        String config = """
                {"HyperParameterTuningJobName": "bookkeeping",
                 "HyperParameterTuningJobConfig": {"Strategy": "Random", "RandomSeed": 7,
                   "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "score"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": %d, "MaxParallelTrainingJobs": %d},
                   "ParameterRanges": {
                     "ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}],
                     "IntegerParameterRanges": [{"Name": "n", "MinValue": "1", "MaxValue": "10"}]}},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                     "MetricDefinitions": [{"Name": "score", "Regex": "score=([0-9.]+)"}]},
                   "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}}
                """.formatted(jobs, parallel);
        TuningJobConfig parsed = new ConfigParser(Map.of()).parse(config, work, "bookkeeping.json");
        Path jobDirectory = work.resolve(parsed.name());
        Files.createDirectories(jobDirectory);
        SimulatedLauncher launcher = new SimulatedLauncher(hps -> SimulatedLauncher.Script.of(0,
                "score=" + hps.getOrDefault("n", "0")));
        List<Long> blockEnds = new ArrayList<>();
        TuningListener listener = new TuningListener() {
            private int ended;

            @Override
            public void trainingJobEnded(TuningJob state, TrainingJob job) {
                if (++ended % block == 0) {
                    blockEnds.add(System.nanoTime());
                }
            }
        };
        long t0 = System.nanoTime();
        Tuner tuner = new Tuner(parsed, new DirectoryStore(jobDirectory), jobDirectory, launcher, Map.of(), listener,
                Clock.systemUTC(), 2);
        TuningJob result = tuner.run();
        long t1 = System.nanoTime();
        StringBuilder blocks = new StringBuilder();
        long previous = t0;
        for (long end : blockEnds) {
            blocks.append(blocks.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", (end - previous) / 1e6 / block));
            previous = end;
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"jobs\": %d, \"parallel\": %d, \"status\": \"%s\", \"completed\": %d, \"wall_s\": %.3f, \"ms_per_job\": %.3f,"
                        + " \"block\": %d, \"ms_per_job_by_block\": [%s]}",
                jobs, parallel, result.status(), result.counters().completed(), (t1 - t0) / 1e9, (t1 - t0) / 1e6 / jobs,
                block, blocks));
    }
}
