package dev.hpo.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.validation.ConfigProblem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a pipeline step's arguments (plain JDK values: strings, numbers, booleans, lists and maps, as
 * a Jenkinsfile gives them) one to one onto a CreateHyperParameterTuningJob request, the same JSON
 * that {@code hpo tune} reads. Only the shape is checked here (an argument's type, unknown names);
 * the config parser checks the meaning, and {@link StepFieldPaths} names its findings after the
 * arguments.
 */
public final class StepConfigMapper {
    /** Where the training jobs' directories go, relative to the workspace, when the step names none. */
    public static final String DEFAULT_OUTPUT_DIRECTORY = "hpo-runs";
    /** The program name that stands for the step's body in the block form (it is never executed). */
    public static final String BODY_PROGRAM = "pipeline-body";

    public static final Set<String> TUNING_ARGUMENTS = Set.of("name", "algorithm", "objective", "objectiveType", "ranges",
            "staticHyperParameters", "strategy", "strategyConfig", "maxJobs", "maxParallelJobs", "maxRuntime",
            "maxRuntimePerJob", "metricDefinitions", "earlyStopping", "completionCriteria", "retries", "randomSeed",
            "warmStart", "environment", "inputs", "outputDirectory", "command");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TUNING = "HyperParameterTuningJobConfig";
    private static final String DEFINITION = "TrainingJobDefinition";

    /**
     * The request, how to name its paths in the step's terms, and the shape problems found on the way
     * (the request leaves out what they concern, so the parser can still report everything else).
     */
    public record Mapped(ObjectNode request, StepFieldPaths paths, List<ConfigProblem> problems) {
        public Mapped {
            problems = List.copyOf(problems);
        }
    }

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final StepFieldPaths paths = new StepFieldPaths();

    /**
     * @param arguments   the step's arguments by name (absent or null: not given)
     * @param defaultName the tuning job's name when the step gives none (see {@link BuildTuningJobName})
     * @param bodyForm    true for the block form, where the step's body is the training job
     */
    public static Mapped map(Map<String, ?> arguments, String defaultName, boolean bodyForm) {
        return new StepConfigMapper().mapArguments(arguments, defaultName, bodyForm);
    }

    private Mapped mapArguments(Map<String, ?> arguments, String defaultName, boolean bodyForm) {
        for (String key : arguments.keySet()) {
            if (!TUNING_ARGUMENTS.contains(key)) {
                problems.add(new ConfigProblem(key, "is not an argument of the step; known: " + String.join(", ", sorted(TUNING_ARGUMENTS))));
            }
        }
        ObjectNode request = NODES.objectNode();
        Object name = arguments.get("name");
        request.put("HyperParameterTuningJobName", name == null ? defaultName : text(name, "name"));

        ObjectNode tuning = request.putObject(TUNING);
        putText(tuning, "Strategy", arguments.get("strategy"), "strategy");
        putNumber(tuning, "RandomSeed", arguments.get("randomSeed"), "randomSeed");
        putText(tuning, "TrainingJobEarlyStoppingType", arguments.get("earlyStopping"), "earlyStopping");
        ObjectNode objective = tuning.putObject("HyperParameterTuningJobObjective");
        putText(objective, "Type", arguments.get("objectiveType"), "objectiveType");
        putText(objective, "MetricName", arguments.get("objective"), "objective");
        ObjectNode limits = tuning.putObject("ResourceLimits");
        putNumber(limits, "MaxNumberOfTrainingJobs", arguments.get("maxJobs"), "maxJobs");
        // the block form runs one body at a time (StepConfig.checkOneBodyAtATime), so there is nothing to choose
        putNumber(limits, "MaxParallelTrainingJobs", bodyForm && arguments.get("maxParallelJobs") == null ? 1 : arguments.get("maxParallelJobs"),
                "maxParallelJobs");
        putNumber(limits, "MaxRuntimeInSeconds", arguments.get("maxRuntime"), "maxRuntime");
        ranges(tuning, arguments.get("ranges"));
        strategyConfig(tuning, arguments.get("strategyConfig"));
        completionCriteria(tuning, arguments.get("completionCriteria"));
        warmStart(request, arguments.get("warmStart"));

        ObjectNode definition = request.putObject(DEFINITION);
        ObjectNode algorithm = definition.putObject("AlgorithmSpecification");
        ArrayNode channels = NODES.arrayNode();
        if (bodyForm) {
            for (String given : List.of("algorithm", "command")) {
                if (arguments.get(given) != null) {
                    problems.add(new ConfigProblem(given, "the block form runs its body as the training job; remove " + given));
                }
            }
            algorithm.putArray("ContainerEntrypoint").add(BODY_PROGRAM);
        } else if (arguments.get("command") != null) {
            // command: 'python3 train.py' is short for algorithm: command('python3 train.py')
            if (arguments.get("algorithm") != null) {
                problems.add(new ConfigProblem("command", "give algorithm or command, not both"));
            }
            algorithm(algorithm, channels, Map.of("kind", "command", "command", arguments.get("command")));
        } else {
            algorithm(algorithm, channels, arguments.get("algorithm"));
        }
        metricDefinitions(algorithm, arguments.get("metricDefinitions"));
        inputs(channels, arguments.get("inputs"));
        if (!channels.isEmpty()) {
            definition.set("InputDataConfig", channels);
        }
        putStringMap(definition, "StaticHyperParameters", arguments.get("staticHyperParameters"), "staticHyperParameters");
        putStringMap(definition, "Environment", arguments.get("environment"), "environment");
        Object output = arguments.get("outputDirectory");
        definition.putObject("OutputDataConfig").put("S3OutputPath", output == null ? DEFAULT_OUTPUT_DIRECTORY : text(output, "outputDirectory"));
        if (arguments.get("maxRuntimePerJob") != null) {
            putNumber(definition.putObject("StoppingCondition"), "MaxRuntimeInSeconds", arguments.get("maxRuntimePerJob"), "maxRuntimePerJob");
        }
        if (arguments.get("retries") != null) {
            putNumber(definition.putObject("RetryStrategy"), "MaximumRetryAttempts", arguments.get("retries"), "retries");
        }
        return new Mapped(request, paths, problems);
    }

    private void ranges(ObjectNode tuning, Object value) {
        List<?> items = list(value, "ranges");
        if (items == null) {
            return;
        }
        ObjectNode ranges = tuning.putObject("ParameterRanges");
        for (int i = 0; i < items.size(); i++) {
            String at = "ranges[" + i + "]";
            Map<?, ?> range = map(items.get(i), at);
            if (range == null) {
                continue;
            }
            String kind = range.get("kind") == null ? null : String.valueOf(range.get("kind"));
            String field = kind == null ? null : switch (kind) {
                case "continuous" -> "ContinuousParameterRanges";
                case "integer" -> "IntegerParameterRanges";
                case "categorical" -> "CategoricalParameterRanges";
                default -> null;
            };
            if (field == null) {
                problems.add(new ConfigProblem(at, "must be continuous(...), integer(...) or categorical(...), not " + describe(kind)));
                continue;
            }
            ArrayNode list = ranges.has(field) ? (ArrayNode) ranges.get(field) : ranges.putArray(field);
            String configPath = TUNING + ".ParameterRanges." + field + "[" + list.size() + "]";
            ObjectNode node = list.addObject();
            paths.record(configPath, at);
            allow(range, at, kind.equals("categorical") ? Set.of("kind", "name", "values") : Set.of("kind", "name", "min", "max", "scaling"));
            putText(node, "Name", range.get("name"), at + ".name");
            paths.record(configPath + ".Name", at + ".name");
            if (kind.equals("categorical")) {
                List<?> values = list(range.get("values"), at + ".values");
                if (values != null) {
                    ArrayNode array = node.putArray("Values");
                    for (Object item : values) {
                        array.add(scalar(item, at + ".values"));
                    }
                }
                paths.record(configPath + ".Values", at + ".values");
            } else {
                putScalarText(node, "MinValue", range.get("min"), at + ".min");
                putScalarText(node, "MaxValue", range.get("max"), at + ".max");
                putText(node, "ScalingType", range.get("scaling"), at + ".scaling");
                paths.record(configPath + ".MinValue", at + ".min");
                paths.record(configPath + ".MaxValue", at + ".max");
                paths.record(configPath + ".ScalingType", at + ".scaling");
            }
        }
    }

    private void algorithm(ObjectNode spec, ArrayNode channels, Object value) {
        if (value == null) {
            problems.add(new ConfigProblem("algorithm", "is required: xgboost(train: ..., validation: ...) or command(command: ...)"));
            return;
        }
        Map<?, ?> algorithm = map(value, "algorithm");
        if (algorithm == null) {
            return;
        }
        Object kind = algorithm.get("kind");
        if ("xgboost".equals(kind)) {
            allow(algorithm, "algorithm", Set.of("kind", "train", "validation", "contentType"));
            spec.put("AlgorithmName", "xgboost");
            Object contentType = algorithm.get("contentType");
            for (String channel : List.of("train", "validation")) {
                if (algorithm.get(channel) != null) {
                    addChannel(channels, channel, algorithm.get(channel), contentType, "algorithm." + channel);
                }
            }
        } else if ("command".equals(kind)) {
            allow(algorithm, "algorithm", Set.of("kind", "command"));
            List<String> command = command(algorithm.get("command"));
            ArrayNode entrypoint = spec.putArray("ContainerEntrypoint");
            command.forEach(entrypoint::add);
        } else {
            problems.add(new ConfigProblem("algorithm", "must be xgboost(...) or command(...), not " + describe(kind)));
        }
    }

    private List<String> command(Object value) {
        if (value instanceof List<?> items) {
            List<String> command = new ArrayList<>();
            items.forEach(item -> command.add(String.valueOf(item)));
            return command;
        }
        if (value == null || String.valueOf(value).isBlank()) {
            problems.add(new ConfigProblem("algorithm.command", "is required: the program and its arguments, such as 'python3 train.py'"));
            return List.of();
        }
        // a string splits at white space; arguments that hold spaces are given as a list
        return List.of(String.valueOf(value).trim().split("\\s+"));
    }

    private void inputs(ArrayNode channels, Object value) {
        Map<?, ?> inputs = map(value, "inputs");
        if (inputs == null) {
            return;
        }
        for (Map.Entry<?, ?> entry : inputs.entrySet()) {
            addChannel(channels, String.valueOf(entry.getKey()), entry.getValue(), null, "inputs." + entry.getKey());
        }
    }

    private void addChannel(ArrayNode channels, String name, Object location, Object contentType, String at) {
        String configPath = DEFINITION + ".InputDataConfig[" + channels.size() + "]";
        ObjectNode channel = channels.addObject();
        channel.put("ChannelName", name);
        if (contentType != null) {
            channel.put("ContentType", String.valueOf(contentType));
        }
        channel.putObject("DataSource").putObject("S3DataSource").put("S3Uri", text(location, at));
        paths.record(configPath, at);
    }

    private void metricDefinitions(ObjectNode spec, Object value) {
        List<?> items = list(value, "metricDefinitions");
        if (items == null) {
            return;
        }
        ArrayNode definitions = spec.putArray("MetricDefinitions");
        for (int i = 0; i < items.size(); i++) {
            String at = "metricDefinitions[" + i + "]";
            Map<?, ?> item = map(items.get(i), at);
            if (item == null) {
                continue;
            }
            allow(item, at, Set.of("name", "regex"));
            String configPath = "TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions[" + definitions.size() + "]";
            ObjectNode definition = definitions.addObject();
            putText(definition, "Name", item.get("name"), at + ".name");
            putText(definition, "Regex", item.get("regex"), at + ".regex");
            paths.record(configPath, at);
            paths.record(configPath + ".Name", at + ".name");
            paths.record(configPath + ".Regex", at + ".regex");
        }
    }

    private void strategyConfig(ObjectNode tuning, Object value) {
        Map<?, ?> config = map(value, "strategyConfig");
        if (config == null) {
            return;
        }
        allow(config, "strategyConfig", Set.of("minResource", "maxResource"));
        ObjectNode hyperband = tuning.putObject("StrategyConfig").putObject("HyperbandStrategyConfig");
        putNumber(hyperband, "MinResource", config.get("minResource"), "strategyConfig.minResource");
        putNumber(hyperband, "MaxResource", config.get("maxResource"), "strategyConfig.maxResource");
    }

    private void completionCriteria(ObjectNode tuning, Object value) {
        Map<?, ?> criteria = map(value, "completionCriteria");
        if (criteria == null) {
            return;
        }
        allow(criteria, "completionCriteria", Set.of("targetObjective", "maxJobsNotImproving", "convergenceDetected"));
        ObjectNode node = tuning.putObject("TuningJobCompletionCriteria");
        putNumber(node, "TargetObjectiveMetricValue", criteria.get("targetObjective"), "completionCriteria.targetObjective");
        if (criteria.get("maxJobsNotImproving") != null) {
            putNumber(node.putObject("BestObjectiveNotImproving"), "MaxNumberOfTrainingJobsNotImproving",
                    criteria.get("maxJobsNotImproving"), "completionCriteria.maxJobsNotImproving");
        }
        Object convergence = criteria.get("convergenceDetected");
        if (convergence != null) {
            if (convergence instanceof Boolean enabled) {
                node.putObject("ConvergenceDetected").put("CompleteOnConvergence", enabled ? "Enabled" : "Disabled");
            } else {
                problems.add(new ConfigProblem("completionCriteria.convergenceDetected", "must be true or false, not " + describe(convergence)));
            }
        }
    }

    private void warmStart(ObjectNode request, Object value) {
        Map<?, ?> warmStart = map(value, "warmStart");
        if (warmStart == null) {
            return;
        }
        allow(warmStart, "warmStart", Set.of("parents", "type"));
        ObjectNode node = request.putObject("WarmStartConfig");
        List<?> parents = list(warmStart.get("parents"), "warmStart.parents");
        ArrayNode array = node.putArray("ParentHyperParameterTuningJobs");
        if (parents != null) {
            for (Object parent : parents) {
                array.addObject().put("HyperParameterTuningJobName", text(parent, "warmStart.parents"));
            }
        }
        putText(node, "WarmStartType", warmStart.get("type"), "warmStart.type");
    }

    private void putStringMap(ObjectNode parent, String field, Object value, String at) {
        Map<?, ?> map = map(value, at);
        if (map == null) {
            return;
        }
        ObjectNode node = parent.putObject(field);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            node.put(String.valueOf(entry.getKey()), scalar(entry.getValue(), at + "." + entry.getKey()));
        }
    }

    private void putText(ObjectNode node, String field, Object value, String at) {
        if (value != null) {
            node.put(field, text(value, at));
        }
    }

    /** SageMaker writes range bounds as strings; a number from the Jenkinsfile is written as the user typed it. */
    private void putScalarText(ObjectNode node, String field, Object value, String at) {
        if (value != null) {
            node.put(field, scalar(value, at));
        }
    }

    private void putNumber(ObjectNode node, String field, Object value, String at) {
        if (value == null) {
            return;
        }
        JsonNode number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            number = NODES.numberNode(b);
        } else if (value instanceof BigDecimal d) {
            number = NODES.numberNode(d);
        } else if (value instanceof Double || value instanceof Float) {
            number = NODES.numberNode(((Number) value).doubleValue());
        }
        if (number == null) {
            problems.add(new ConfigProblem(at, "must be a number, not " + describe(value)));
            return;
        }
        node.set(field, number);
    }

    private String text(Object value, String at) {
        if (value instanceof Map || value instanceof List) {
            problems.add(new ConfigProblem(at, "must be a single value, not " + describe(value)));
            return "";
        }
        return String.valueOf(value);
    }

    private String scalar(Object value, String at) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return text(value, at);
    }

    private List<?> list(Object value, String at) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problems.add(new ConfigProblem(at, "must be a list, not " + describe(value)));
        return null;
    }

    private Map<?, ?> map(Object value, String at) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        problems.add(new ConfigProblem(at, "must be a map of names to values, not " + describe(value)));
        return null;
    }

    private void allow(Map<?, ?> map, String at, Set<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(new ConfigProblem(at + "." + key, "is not known here; known: " + String.join(", ", sorted(known))));
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        return new ArrayList<>(new java.util.TreeSet<>(names));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a map";
        }
        return "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
