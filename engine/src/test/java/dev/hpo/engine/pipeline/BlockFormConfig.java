package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.PathChecks;
import dev.hpo.engine.config.TuningJobConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The block form's step arguments for a Random search of {@code loss} over the given ranges: the pipeline tests' fixture. */
final class BlockFormConfig {
    private BlockFormConfig() {
    }

    static TuningJobConfig random(String name, long seed, int jobs, int parallel, List<Map<String, Object>> ranges, Path buildDirectory)
            throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("objective", "loss");
        args.put("objectiveType", "Minimize");
        args.put("strategy", "Random");
        args.put("randomSeed", seed);
        args.put("maxJobs", jobs);
        args.put("maxParallelJobs", parallel);
        args.put("metricDefinitions", List.of(Map.of("name", "loss", "regex", "loss=([0-9.eE-]+)")));
        args.put("ranges", ranges);
        return StepConfig.fromArguments(args, name, true, buildDirectory, Map.of(), PathChecks.LOCAL);
    }
}
