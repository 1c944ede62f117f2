package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.validation.ConfigProblem;
import dev.hpo.engine.config.PathChecks;
import dev.hpo.engine.config.TuningJobConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a step's arguments into a validated tuning job config, through the same parser as
 * {@code hpo tune}: either the arguments (mapped by {@link StepConfigMapper}) or a config file named by
 * {@code config}, never both. Every problem is reported before any training job starts.
 */
public final class StepConfig {
    public static final String CONFIG_FILE_ARGUMENT = "config";

    private StepConfig() {
    }

    /**
     * @param arguments the tuning arguments (without {@code config} and the gate's)
     * @param workspace the directory relative paths start from (the agent's workspace)
     * @param paths     checks paths where the training jobs will run
     */
    public static TuningJobConfig fromArguments(Map<String, ?> arguments, String defaultName, boolean bodyForm, Path workspace,
                                                Map<String, BuiltInAlgorithm> builtIns, PathChecks paths) throws ConfigException {
        StepConfigMapper.Mapped mapped = StepConfigMapper.map(arguments, defaultName, bodyForm);
        List<ConfigProblem> problems = new ArrayList<>(mapped.problems());
        TuningJobConfig config = null;
        try {
            config = new ConfigParser(builtIns, bodyForm ? bodyChecks(paths) : paths)
                    .parse(mapped.request().toPrettyString(), workspace, "tuneHyperparameters");
        } catch (ConfigException e) {
            for (ConfigProblem problem : mapped.paths().translate(e).problems()) {
                // an argument with the wrong shape was left out of the request; the parser's "is required" adds nothing
                boolean known = mapped.problems().stream().anyMatch(p -> problem.fieldPath().equals(p.fieldPath())
                        || problem.fieldPath().startsWith(p.fieldPath() + ".") || problem.fieldPath().startsWith(p.fieldPath() + "["));
                if (!known) {
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /**
     * @param text   the config file's content, read from the workspace
     * @param base   the directory that holds the config file (its relative paths start there)
     * @param source the file's name as the user gave it, for messages
     */
    public static TuningJobConfig fromFile(String text, Path base, String source, Map<String, BuiltInAlgorithm> builtIns,
                                           PathChecks paths) throws ConfigException {
        try {
            return new ConfigParser(builtIns, paths).parse(text, base, source);
        } catch (ConfigException e) {
            List<ConfigProblem> problems = new ArrayList<>();
            for (ConfigProblem problem : e.problems()) {
                problems.add(problem.fieldPath().startsWith(source) ? problem
                        : new ConfigProblem(source + ": " + problem.fieldPath(), problem.message()));
            }
            throw new ConfigException(problems);
        }
    }

    /**
     * The block form runs one body at a time. Jenkins gives separate flow heads only to bodies a step starts
     * inside its start(), as parallel does; every body started later (the tuner starts them as training
     * jobs come up) runs on the step's own head, so two at once would interleave their flow nodes and
     * cancelling one could stop the other (docs/jenkins-api-check.md has the source lines).
     *
     * @param configFile the config file's name when the config came from one, else null
     */
    public static void checkOneBodyAtATime(TuningJobConfig config, String configFile) throws ConfigException {
        int parallel = config.limits().maxParallelTrainingJobs();
        if (parallel != 1) {
            String field = configFile == null ? "maxParallelJobs" : configFile + ": HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs";
            throw new ConfigException(List.of(new ConfigProblem(field, "must be 1 in the block form, not " + parallel
                    + ": tuneHyperparametersEach runs one body at a time (Jenkins cannot run a step's later bodies side by side);"
                    + " for training jobs side by side use tuneHyperparameters on an agent")));
        }
    }

    /** A config file and tuning arguments together would leave it unclear which one counts. */
    public static void checkExclusive(String configFile, Map<String, ?> arguments) throws ConfigException {
        if (configFile == null) {
            return;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, ?> entry : arguments.entrySet()) {
            if (entry.getValue() != null) {
                problems.add(new ConfigProblem(entry.getKey(), "cannot be combined with config: '" + configFile
                        + "'; put it in the config file or drop config"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** In the block form the body is the program: its placeholder exists, and data paths belong to the body. */
    private static PathChecks bodyChecks(PathChecks paths) {
        return new PathChecks() {
            @Override
            public boolean exists(Path path) {
                return true;
            }

            @Override
            public boolean isRegularFile(Path path) {
                return paths.isRegularFile(path);
            }

            @Override
            public boolean isExecutableFile(Path path) {
                return path.getFileName() != null && path.getFileName().toString().equals(StepConfigMapper.BODY_PROGRAM);
            }

            @Override
            public List<String> searchPath() {
                return List.of("");
            }
        };
    }
}
