package dev.hpo.engine.tuner;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.ScriptModeContract;
import dev.hpo.engine.model.TrainingJob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training job's process is given, by SageMaker's script-mode contract: the algorithm's
 * command, every hyperparameter (static, tuned, the objective's name and, for a built-in algorithm,
 * its thread count) and the environment, with the machine's cores shared among the parallel jobs.
 */
final class TrainingJobRequests {
    private final TuningJobConfig config;
    private final Map<String, BuiltInAlgorithm> builtIns;
    private final int cores;
    private final ScriptModeContract contract = new ScriptModeContract();

    TrainingJobRequests(TuningJobConfig config, Map<String, BuiltInAlgorithm> builtIns, int cores) {
        this.config = config;
        this.builtIns = builtIns;
        this.cores = cores;
    }

    /** Prepares the job's directory (its hyperparameters file, model and output directories) and returns what to launch. */
    LaunchRequest prepare(TrainingJob job, Path directory) throws IOException {
        return contract.prepare(job.name(), directory, command(), hyperParameters(job.tunedHyperParameters()), config.channels(),
                environment());
    }

    List<String> command() {
        if (config.algorithm().isBuiltIn()) {
            return builtIns.get(config.algorithm().builtInName()).command();
        }
        return config.algorithm().command();
    }

    Map<String, String> hyperParameters(Map<String, String> tuned) {
        Map<String, String> all = new LinkedHashMap<>(config.staticHyperParameters());
        all.putAll(tuned);
        if (config.algorithm().isBuiltIn()) {
            String threads = builtIns.get(config.algorithm().builtInName()).threadsHyperParameter();
            if (threads != null && !all.containsKey(threads)) {
                all.put(threads, Integer.toString(threadsPerJob()));
            }
        }
        all.put(ScriptModeContract.OBJECTIVE_HYPERPARAMETER, config.objective().metricName());
        return all;
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        // a script's numeric libraries would otherwise each take every core and fight over them
        environment.put("OMP_NUM_THREADS", Integer.toString(threadsPerJob()));
        environment.putAll(config.environment());
        return environment;
    }

    int threadsPerJob() {
        int parallel = Math.min(config.limits().maxParallelTrainingJobs(), config.limits().maxTrainingJobs());
        return Math.max(1, cores / Math.max(1, parallel));
    }
}
