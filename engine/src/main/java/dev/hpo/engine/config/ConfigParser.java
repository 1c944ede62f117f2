package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CreateHyperParameterTuningJob request (JSON) into a {@link TuningJobConfig}, or a
 * {@link ConfigException} listing every problem, before any training job starts.
 */
public final class ConfigParser {
    private static final String TUNING = "HyperParameterTuningJobConfig";
    private static final int MAX_HYPERPARAMETERS = 100;
    private static final long DEFAULT_JOB_RUNTIME_SECONDS = 86_400;
    private static final int MAX_PARALLEL_JOBS = 10_000;

    private static final Set<String> TOP_LEVEL = Set.of("HyperParameterTuningJobName", TUNING, "TrainingJobDefinition",
            "TrainingJobDefinitions", "WarmStartConfig");
    private static final Set<String> TOP_LEVEL_CLOUD = Set.of("Tags", "Autotune");
    private static final Set<String> TUNING_FIELDS = Set.of("Strategy", "StrategyConfig", "HyperParameterTuningJobObjective",
            "ResourceLimits", "ParameterRanges", "TrainingJobEarlyStoppingType", "TuningJobCompletionCriteria", "RandomSeed");
    private static final Set<String> DEFINITION_FIELDS = Set.of("DefinitionName", "TuningObjective", "HyperParameterRanges",
            "StaticHyperParameters", "AlgorithmSpecification", "InputDataConfig", "OutputDataConfig", "StoppingCondition",
            "RetryStrategy", "Environment");
    private static final Set<String> DEFINITION_CLOUD = Set.of("RoleArn", "VpcConfig", "ResourceConfig",
            "HyperParameterTuningResourceConfig", "CheckpointConfig", "EnableNetworkIsolation",
            "EnableInterContainerTrafficEncryption", "EnableManagedSpotTraining");

    private final Map<String, BuiltInAlgorithm> builtIns;
    private final PathChecks paths;
    // a key given twice or text after the object is a mistake in the file, not something to guess about
    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public ConfigParser(Map<String, BuiltInAlgorithm> builtIns) {
        this(builtIns, PathChecks.LOCAL);
    }

    /** @param paths where data, programs and scripts are looked up (the machine that runs the training jobs) */
    public ConfigParser(Map<String, BuiltInAlgorithm> builtIns, PathChecks paths) {
        this.builtIns = Map.copyOf(builtIns);
        this.paths = paths;
    }

    public TuningJobConfig parse(Path file) throws ConfigException, IOException {
        String text;
        if (Files.isDirectory(file)) {
            throw new ConfigException(file.toString(), "is a directory, not a tuning job config file");
        }
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "config file does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), "is not UTF-8 text (a JSON config must be)");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file.toString(), "cannot be read: permission denied");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, file.toString());
    }

    public TuningJobConfig parse(String text, Path base, String source) throws ConfigException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "must hold a JSON object (a CreateHyperParameterTuningJob request)");
        }
        return read(root, base.toAbsolutePath());
    }

    private TuningJobConfig read(JsonNode root, Path base) throws ConfigException {
        FieldReader reader = new FieldReader();
        reader.checkFields(root, "", TOP_LEVEL, TOP_LEVEL_CLOUD);
        String name = reader.text(root, "HyperParameterTuningJobName", "", true);
        if (name != null && !name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}")) {
            reader.problem("HyperParameterTuningJobName", "'" + name + "' must be 1 to 32 letters, digits and hyphens, starting and ending with a letter or digit");
        }
        if (root.has("TrainingJobDefinitions")) {
            reader.problem("TrainingJobDefinitions", "several training job definitions are not supported; use one TrainingJobDefinition");
        }

        JsonNode tuning = reader.object(root, TUNING, "", true);
        reader.checkFields(tuning, TUNING, TUNING_FIELDS, Set.of());
        StrategyName strategy = reader.choice(tuning, "Strategy", TUNING, StrategyName.class, null);
        if (tuning != null && !tuning.has("Strategy")) {
            reader.problem(TUNING + ".Strategy", "is required (Bayesian, Random, Hyperband or Grid)");
        }
        CompletionCriteria completion = CompletionCriteriaReader.read(reader, tuning);
        EarlyStoppingType earlyStopping = reader.choice(tuning, "TrainingJobEarlyStoppingType", TUNING, EarlyStoppingType.class,
                EarlyStoppingType.Off);
        if (earlyStopping == EarlyStoppingType.Auto && strategy == StrategyName.Hyperband) {
            reader.problem(TUNING + ".TrainingJobEarlyStoppingType", "must be Off with the Hyperband strategy, which stops jobs itself");
        }
        Long seed = reader.integerAtLeast(tuning, "RandomSeed", TUNING, false, 0);
        Objective objective = objective(reader, tuning);
        int beforeRanges = reader.problems().size();
        List<ParameterRange> ranges = new RangesReader(reader).read(reader.object(tuning, "ParameterRanges", TUNING, false),
                TUNING + ".ParameterRanges");
        if (ranges.isEmpty() && reader.problems().size() == beforeRanges && strategy != null && strategy != StrategyName.Grid) {
            // with nothing to tune, every training job would run the same configuration
            reader.problem(TUNING + ".ParameterRanges", strategy + " search needs at least one range (continuous, integer or categorical)");
        }

        JsonNode definition = reader.object(root, "TrainingJobDefinition", "", true);
        reader.checkFields(definition, TrainingDefinitionReader.PATH, DEFINITION_FIELDS, DEFINITION_CLOUD);
        for (String field : List.of("DefinitionName", "TuningObjective", "HyperParameterRanges")) {
            if (definition != null && definition.has(field)) {
                reader.problem(TrainingDefinitionReader.PATH + "." + field, "belongs to multi-algorithm tuning, which is not supported; "
                        + "use HyperParameterTuningJobConfig.HyperParameterTuningJobObjective and ParameterRanges");
            }
        }
        int retries = retryAttempts(reader, definition);
        TrainingDefinitionReader definitions = new TrainingDefinitionReader(reader, base, builtIns, paths);
        Algorithm algorithm = definitions.algorithm(definition);
        List<MetricDefinition> metrics = new ArrayList<>(definitions.metricDefinitions(definition));
        List<Channel> channels = definitions.channels(definition);
        Map<String, String> statics = reader.stringMap(definition, "StaticHyperParameters", TrainingDefinitionReader.PATH);
        Map<String, String> environment = reader.stringMap(definition, "Environment", TrainingDefinitionReader.PATH);
        if (environment.size() > 48) {
            reader.problem(TrainingDefinitionReader.PATH + ".Environment", "has " + environment.size() + " variables; at most 48 are allowed");
        }
        Path output = outputPath(reader, definition, base);
        long jobRuntime = jobRuntime(reader, definition);

        ResourceLimits limits = limits(reader, tuning, strategy, ranges);
        HyperbandSettings hyperband = new StrategyConfigReader(reader).read(tuning, strategy, statics);
        WarmStart warmStart = new WarmStartReader(reader).read(root, base, output, root);
        if (warmStart != null && (strategy == StrategyName.Grid || strategy == StrategyName.Hyperband)) {
            reader.problem("WarmStartConfig", "warm start works with the Bayesian and Random strategies, not " + strategy);
        }
        checkHyperParameters(reader, ranges, statics);
        if (objective != null && algorithm != null) {
            addObjectiveDefinition(reader, objective, algorithm, metrics, statics);
        }
        if (algorithm != null && algorithm.isBuiltIn()) {
            BuiltInAlgorithm builtIn = builtIns.get(algorithm.builtInName());
            for (String required : builtIn.requiredChannels()) {
                if (channels.stream().noneMatch(c -> c.name().equals(required))) {
                    reader.problem(TrainingDefinitionReader.PATH + ".InputDataConfig", "the built-in " + builtIn.name()
                            + " needs a '" + required + "' channel");
                }
            }
            if (objective != null && objective.metricName().startsWith("validation:")
                    && channels.stream().noneMatch(c -> c.name().equals("validation"))) {
                reader.problem(TrainingDefinitionReader.PATH + ".InputDataConfig", "the objective " + objective.metricName()
                        + " needs a 'validation' channel");
            }
        }
        if (reader.problems().isEmpty() && algorithm != null && algorithm.isBuiltIn()) {
            // only a config that is otherwise right is worth reading the data for
            checkInputs(reader, builtIns.get(algorithm.builtInName()), channels, statics, ranges, objective);
        }
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(reader.problems());
        }
        return new TuningJobConfig(name, strategy, objective, limits, new SearchSpace(ranges), statics, algorithm, metrics,
                channels, output, environment, jobRuntime, seed, reader.ignored(), root, earlyStopping, completion, retries, hyperband,
                warmStart, reader.notes());
    }

    private static int retryAttempts(FieldReader reader, JsonNode definition) {
        String path = TrainingDefinitionReader.PATH + ".RetryStrategy";
        JsonNode node = reader.object(definition, "RetryStrategy", TrainingDefinitionReader.PATH, false);
        if (node == null) {
            return 0;
        }
        reader.checkFields(node, path, Set.of("MaximumRetryAttempts"), Set.of());
        Long attempts = reader.integerAtLeast(node, "MaximumRetryAttempts", path, true, 1);
        if (attempts != null && attempts > 30) {
            reader.problem(path + ".MaximumRetryAttempts", "must be at most 30, not " + attempts);
            return 0;
        }
        return attempts == null ? 0 : attempts.intValue();
    }

    private static void checkInputs(FieldReader reader, BuiltInAlgorithm builtIn, List<Channel> channels,
                                    Map<String, String> statics, List<ParameterRange> ranges, Objective objective) {
        Map<Channel, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            paths.put(channels.get(i), TrainingDefinitionReader.PATH + ".InputDataConfig[" + i + "]");
        }
        Map<String, String> hyperParameters = new LinkedHashMap<>(statics);
        for (ParameterRange range : ranges) {
            hyperParameters.put(range.name(), range.valueAt(0.5));
        }
        hyperParameters.put(Objective.HYPERPARAMETER, objective.metricName());
        for (ConfigProblem problem : builtIn.inputCheck().check(paths, hyperParameters, TrainingDefinitionReader.PATH + ".StaticHyperParameters")) {
            reader.problem(problem.fieldPath(), problem.message());
        }
    }

    private static void notYet(FieldReader reader, JsonNode parent, String field, String path, String what) {
        if (parent != null && parent.has(field) && !parent.get(field).isNull()) {
            reader.problem(FieldReader.path(path, field), what + " is not available in this version; remove the field");
        }
    }

    private static Objective objective(FieldReader reader, JsonNode tuning) {
        String path = TUNING + ".HyperParameterTuningJobObjective";
        JsonNode node = reader.object(tuning, "HyperParameterTuningJobObjective", TUNING, true);
        if (node == null) {
            return null;
        }
        reader.checkFields(node, path, Set.of("Type", "MetricName"), Set.of());
        String metric = reader.text(node, "MetricName", path, true);
        if (!node.has("Type")) {
            reader.problem(path + ".Type", "is required (Maximize or Minimize)");
            return null;
        }
        ObjectiveType type = reader.choice(node, "Type", path, ObjectiveType.class, null);
        return metric == null || type == null ? null : new Objective(metric, type);
    }

    private static ResourceLimits limits(FieldReader reader, JsonNode tuning, StrategyName strategy, List<ParameterRange> ranges) {
        String path = TUNING + ".ResourceLimits";
        JsonNode node = reader.object(tuning, "ResourceLimits", TUNING, true);
        if (node == null) {
            return null;
        }
        reader.checkFields(node, path, Set.of("MaxNumberOfTrainingJobs", "MaxParallelTrainingJobs", "MaxRuntimeInSeconds"), Set.of());
        Long parallel = reader.integerAtLeast(node, "MaxParallelTrainingJobs", path, true, 1);
        Long runtime = reader.integerAtLeast(node, "MaxRuntimeInSeconds", path, false, 1);
        Long jobs;
        if (strategy == StrategyName.Grid) {
            jobs = reader.integerAtLeast(node, "MaxNumberOfTrainingJobs", path, false, 1);
            int before = reader.problems().size();
            long combinations = gridSize(reader, ranges);
            if (jobs != null && jobs < combinations && reader.problems().size() == before) {
                // running the first few combinations in a fixed order is not a grid search: it never varies the first ranges
                reader.problem(path + ".MaxNumberOfTrainingJobs", "(" + jobs + ") is less than the grid's " + combinations
                        + " combinations; the Grid strategy tries every combination, so give at least " + combinations
                        + " or leave the field out");
                jobs = null;
            } else if (jobs != null && jobs > combinations && reader.problems().size() == before) {
                reader.note(path + ".MaxNumberOfTrainingJobs (" + jobs + ") is more than the grid's " + combinations
                        + " combinations; the tuning job runs " + combinations + " training jobs");
                jobs = combinations;
            } else if (jobs == null) {
                // SageMaker infers a grid's job count from its combinations
                jobs = combinations;
            }
        } else {
            jobs = reader.integerAtLeast(node, "MaxNumberOfTrainingJobs", path, true, 1);
            long combinations = finiteSize(ranges);
            if ((strategy == StrategyName.Random || strategy == StrategyName.Bayesian) && jobs != null && combinations > 0 && combinations < jobs) {
                reader.note(path + ".MaxNumberOfTrainingJobs (" + jobs + ") is more than the " + combinations
                        + " combinations of the categorical and integer ranges; " + strategy + " search tries each once and then ends");
            }
        }
        if (parallel == null || jobs == null) {
            return null;
        }
        if (parallel > MAX_PARALLEL_JOBS) {
            reader.problem(path + ".MaxParallelTrainingJobs", "must be at most " + MAX_PARALLEL_JOBS + ", not " + parallel);
        }
        if (jobs > 1_000_000) {
            reader.problem(path + ".MaxNumberOfTrainingJobs", "must be at most 1000000, not " + jobs);
        }
        return new ResourceLimits((int) Math.min(jobs, Integer.MAX_VALUE), (int) Math.min(parallel, MAX_PARALLEL_JOBS), runtime == null ? 0 : runtime);
    }

    /** @return the number of distinct configurations, or -1 when a range is continuous or there are too many to matter */
    /** The combinations of a space of categorical and integer ranges; -1 with a continuous range, none, or more than a million. */
    private static long finiteSize(List<ParameterRange> ranges) {
        long combinations = new SearchSpace(ranges).combinations();
        return ranges.isEmpty() || combinations > 1_000_000 ? -1 : combinations;
    }

    private static long gridSize(FieldReader reader, List<ParameterRange> ranges) {
        for (ParameterRange range : ranges) {
            if (range instanceof ContinuousRange) {
                reader.problem(TUNING + ".ParameterRanges.ContinuousParameterRanges",
                        "Grid search takes categorical and integer ranges only; '" + range.name() + "' is continuous");
                return 1;
            }
        }
        long combinations = new SearchSpace(ranges).combinations();
        if (combinations > 1_000_000) {
            reader.problem(TUNING + ".ParameterRanges", "Grid search over more than 1000000 combinations; narrow the ranges");
            return 1;
        }
        boolean rangesRefused = reader.problems().stream().anyMatch(p -> p.fieldPath().startsWith(TUNING + ".ParameterRanges"));
        if (ranges.isEmpty() && !rangesRefused) {
            reader.problem(TUNING + ".ParameterRanges", "Grid search needs at least one categorical or integer range");
        }
        return combinations;
    }

    private static void checkHyperParameters(FieldReader reader, List<ParameterRange> ranges, Map<String, String> statics) {
        for (ParameterRange range : ranges) {
            if (statics.containsKey(range.name())) {
                reader.problem(TrainingDefinitionReader.PATH + ".StaticHyperParameters." + range.name(),
                        "hyperparameter '" + range.name() + "' is both static and tuned; remove it from one of them");
            }
        }
        checkVariableNames(reader, ranges, statics);
        if (ranges.size() + statics.size() > MAX_HYPERPARAMETERS) {
            reader.problem(TrainingDefinitionReader.PATH + ".StaticHyperParameters", "the tuning job has "
                    + (ranges.size() + statics.size()) + " hyperparameters; at most " + MAX_HYPERPARAMETERS + " are allowed");
        }
    }

    /** Two names that fold to one SM_HP_ variable would give the job one of the two values, silently. */
    private static void checkVariableNames(FieldReader reader, List<ParameterRange> ranges, Map<String, String> statics) {
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (ParameterRange range : ranges) {
            String kind = range instanceof ContinuousRange ? "Continuous" : range instanceof CategoricalRange ? "Categorical" : "Integer";
            int index = perKind.merge(kind, 1, Integer::sum) - 1;
            paths.put(range.name(), TUNING + ".ParameterRanges." + kind + "ParameterRanges[" + index + "].Name");
        }
        for (String name : statics.keySet()) {
            paths.putIfAbsent(name, TrainingDefinitionReader.PATH + ".StaticHyperParameters." + name);
        }
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            String variable = ScriptModeVariable.hyperParameter(entry.getKey());
            if (variable.equals(ScriptModeVariable.hyperParameter(Objective.HYPERPARAMETER))) {
                // SageMaker passes the objective's name to every job under this name; a tuned value would be overwritten
                reader.problem(entry.getValue(), "'" + entry.getKey() + "' becomes " + variable + ", which is reserved for "
                        + Objective.HYPERPARAMETER + " (the objective metric's name); rename it");
                continue;
            }
            String earlier = byVariable.putIfAbsent(variable, entry.getKey());
            if (earlier != null) {
                reader.problem(entry.getValue(), "hyperparameters '" + earlier + "' and '" + entry.getKey()
                        + "' both become the environment variable " + variable + "; rename one of them");
            }
        }
    }

    private void addObjectiveDefinition(FieldReader reader, Objective objective, Algorithm algorithm,
                                        List<MetricDefinition> metrics, Map<String, String> statics) {
        String name = objective.metricName();
        boolean declared = metrics.stream().anyMatch(m -> m.name().equals(name));
        if (algorithm.isBuiltIn()) {
            // the built-in prints XGBoost's log: every <set>:<metric> it prints has a predefined definition
            List<String> evalMetrics = new ArrayList<>();
            String configured = statics.get("eval_metric");
            if (configured != null) {
                for (String metric : configured.split(",")) {
                    if (!metric.isBlank()) {
                        evalMetrics.add(metric.trim());
                    }
                }
            }
            Map<String, MetricDefinition> predefined = new LinkedHashMap<>();
            if (!declared) {
                if (CompiledMetric.predefinedXgboost(name).isEmpty()) {
                    reader.problem(TUNING + ".HyperParameterTuningJobObjective.MetricName", "'" + name
                            + "' is not a metric the built-in " + algorithm.builtInName() + " prints; use <set>:<metric>, such as validation:auc");
                    return;
                }
                predefined.put(name, new MetricDefinition(name, null));
            }
            for (String set : List.of("train", "validation")) {
                for (String metric : evalMetrics) {
                    String metricName = set + ":" + metric;
                    if (metrics.stream().noneMatch(m -> m.name().equals(metricName)) && CompiledMetric.predefinedXgboost(metricName).isPresent()) {
                        predefined.putIfAbsent(metricName, new MetricDefinition(metricName, null));
                    }
                }
            }
            metrics.addAll(predefined.values());
        } else if (!declared) {
            reader.problem(TUNING + ".HyperParameterTuningJobObjective.MetricName", "objective metric '" + name
                    + "' has no metric definition; add {\"Name\": \"" + name + "\", \"Regex\": \"...\"} to "
                    + "TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions");
        }
    }

    private static Path outputPath(FieldReader reader, JsonNode definition, Path base) {
        String path = TrainingDefinitionReader.PATH + ".OutputDataConfig";
        JsonNode node = reader.object(definition, "OutputDataConfig", TrainingDefinitionReader.PATH, false);
        if (node == null) {
            return null;
        }
        reader.checkFields(node, path, Set.of("S3OutputPath"), Set.of("KmsKeyId", "CompressionType"));
        String location = reader.text(node, "S3OutputPath", path, false);
        if (location == null) {
            return null;
        }
        if (LocalPaths.isRemote(location)) {
            reader.problem(path + ".S3OutputPath", "'" + location + "' is remote; give a local directory or a file:// URI");
            return null;
        }
        return LocalPaths.resolve(base, location);
    }

    private static long jobRuntime(FieldReader reader, JsonNode definition) {
        String path = TrainingDefinitionReader.PATH + ".StoppingCondition";
        JsonNode node = reader.object(definition, "StoppingCondition", TrainingDefinitionReader.PATH, false);
        if (node == null) {
            return DEFAULT_JOB_RUNTIME_SECONDS;
        }
        reader.checkFields(node, path, Set.of("MaxRuntimeInSeconds"), Set.of("MaxWaitTimeInSeconds", "MaxPendingTimeInSeconds"));
        Long runtime = reader.integerAtLeast(node, "MaxRuntimeInSeconds", path, false, 1);
        return runtime == null ? DEFAULT_JOB_RUNTIME_SECONDS : runtime;
    }
}
