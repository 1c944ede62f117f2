package dev.hpo.engine.pipeline;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the config parser's field paths (SageMaker's names) back into the step arguments that
 * produced them, so an error in a Jenkinsfile names {@code ranges[2].max}, not
 * {@code HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[0].MaxValue}.
 */
public final class StepFieldPaths {
    private static final String TUNING = "HyperParameterTuningJobConfig";
    private static final String DEFINITION = "TrainingJobDefinition";
    private static final String ALGORITHM = DEFINITION + ".AlgorithmSpecification";

    /** The fixed part of the mapping: config path prefix to step argument. */
    private static final Map<String, String> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("HyperParameterTuningJobName", "name");
        FIXED.put(TUNING + ".Strategy", "strategy");
        FIXED.put(TUNING + ".StrategyConfig", "strategyConfig");
        FIXED.put(TUNING + ".StrategyConfig.HyperbandStrategyConfig.MinResource", "strategyConfig.minResource");
        FIXED.put(TUNING + ".StrategyConfig.HyperbandStrategyConfig.MaxResource", "strategyConfig.maxResource");
        FIXED.put(TUNING + ".HyperParameterTuningJobObjective", "objective");
        FIXED.put(TUNING + ".HyperParameterTuningJobObjective.MetricName", "objective");
        FIXED.put(TUNING + ".HyperParameterTuningJobObjective.Type", "objectiveType");
        FIXED.put(TUNING + ".ResourceLimits", "maxJobs");
        FIXED.put(TUNING + ".ResourceLimits.MaxNumberOfTrainingJobs", "maxJobs");
        FIXED.put(TUNING + ".ResourceLimits.MaxParallelTrainingJobs", "maxParallelJobs");
        FIXED.put(TUNING + ".ResourceLimits.MaxRuntimeInSeconds", "maxRuntime");
        FIXED.put(TUNING + ".ParameterRanges", "ranges");
        FIXED.put(TUNING + ".TrainingJobEarlyStoppingType", "earlyStopping");
        FIXED.put(TUNING + ".TuningJobCompletionCriteria", "completionCriteria");
        FIXED.put(TUNING + ".TuningJobCompletionCriteria.TargetObjectiveMetricValue", "completionCriteria.targetObjective");
        FIXED.put(TUNING + ".TuningJobCompletionCriteria.BestObjectiveNotImproving", "completionCriteria.maxJobsNotImproving");
        FIXED.put(TUNING + ".TuningJobCompletionCriteria.ConvergenceDetected", "completionCriteria.convergenceDetected");
        FIXED.put(TUNING + ".RandomSeed", "randomSeed");
        FIXED.put("WarmStartConfig", "warmStart");
        FIXED.put("WarmStartConfig.ParentHyperParameterTuningJobs", "warmStart.parents");
        FIXED.put("WarmStartConfig.WarmStartType", "warmStart.type");
        FIXED.put(DEFINITION, "algorithm");
        FIXED.put(ALGORITHM, "algorithm");
        FIXED.put(ALGORITHM + ".AlgorithmName", "algorithm");
        FIXED.put(ALGORITHM + ".ContainerEntrypoint", "algorithm.command");
        FIXED.put(ALGORITHM + ".MetricDefinitions", "metricDefinitions");
        FIXED.put(DEFINITION + ".InputDataConfig", "algorithm");
        FIXED.put(DEFINITION + ".StaticHyperParameters", "staticHyperParameters");
        FIXED.put(DEFINITION + ".Environment", "environment");
        FIXED.put(DEFINITION + ".OutputDataConfig", "outputDirectory");
        FIXED.put(DEFINITION + ".StoppingCondition", "maxRuntimePerJob");
        FIXED.put(DEFINITION + ".RetryStrategy", "retries");
    }

    private final Map<String, String> recorded = new LinkedHashMap<>();

    /** Remembers that the config element at {@code configPath} came from step argument {@code stepPath}. */
    void record(String configPath, String stepPath) {
        recorded.put(configPath, stepPath);
    }

    /** The step argument behind a config path, or the config path itself when no argument maps to it. */
    public String translate(String configPath) {
        String bestPrefix = null;
        String bestTarget = null;
        for (Map<String, String> table : List.of(FIXED, recorded)) {
            for (Map.Entry<String, String> entry : table.entrySet()) {
                String prefix = entry.getKey();
                if (isPrefix(prefix, configPath) && (bestPrefix == null || prefix.length() >= bestPrefix.length())) {
                    bestPrefix = prefix;
                    bestTarget = entry.getValue();
                }
            }
        }
        if (bestPrefix == null) {
            return configPath;
        }
        String rest = configPath.substring(bestPrefix.length());
        // a static hyperparameter or environment key keeps its own name
        return bestTarget + (rest.startsWith(".") && isMapArgument(bestTarget) ? rest : "");
    }

    /** The same exception with every problem's path named after the step argument. */
    public ConfigException translate(ConfigException e) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigProblem problem : e.problems()) {
            problems.add(new ConfigProblem(translate(problem.fieldPath()), problem.message()));
        }
        return new ConfigException(problems);
    }

    private static boolean isMapArgument(String stepPath) {
        return stepPath.equals("staticHyperParameters") || stepPath.equals("environment");
    }

    private static boolean isPrefix(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix) && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[');
    }
}
