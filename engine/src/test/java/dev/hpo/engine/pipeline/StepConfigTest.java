package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.validation.ConfigProblem;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.config.PathChecks;
import dev.hpo.engine.config.StrategyName;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step's arguments reach the same config as the JSON file would, and errors name the arguments. */
class StepConfigTest {
    private static final Map<String, BuiltInAlgorithm> BUILT_INS = Map.of("xgboost",
            new BuiltInAlgorithm("xgboost", List.of("java", "dev.hpo.xgboost.TrainingMain"), "nthread", List.of("train")));

    @TempDir
    Path workspace;

    @BeforeEach
    void data() throws Exception {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/train.csv"), "1,0.5\n0,0.1\n");
        Files.writeString(workspace.resolve("data/validation.csv"), "1,0.4\n");
    }

    /** The issue's example, as the plugin hands it over (Groovy decimals arrive as BigDecimal). */
    private Map<String, Object> example() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("algorithm", Map.of("kind", "xgboost", "train", "data/train.csv", "validation", "data/validation.csv"));
        args.put("objective", "validation:auc");
        args.put("objectiveType", "Maximize");
        args.put("ranges", List.of(
                Map.of("kind", "continuous", "name", "eta", "min", 0, "max", 1),
                Map.of("kind", "integer", "name", "max_depth", "min", 1, "max", 10),
                Map.of("kind", "categorical", "name", "booster", "values", List.of("gbtree", "dart")),
                Map.of("kind", "continuous", "name", "alpha", "min", new BigDecimal("0.0001"), "max", 2, "scaling", "Logarithmic")));
        args.put("staticHyperParameters", Map.of("num_round", "100", "eval_metric", "auc"));
        args.put("strategy", "Random");
        args.put("maxJobs", 20);
        args.put("maxParallelJobs", 3);
        return args;
    }

    private TuningJobConfig parse(Map<String, Object> args) throws ConfigException {
        return StepConfig.fromArguments(args, "pipeline-7", false, workspace, BUILT_INS, PathChecks.LOCAL);
    }

    private static Map<String, String> problems(ConfigException e) {
        return e.problems().stream().collect(Collectors.toMap(ConfigProblem::fieldPath, ConfigProblem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void theIssuesExampleBecomesTheTuningJobItDescribes() throws Exception {
        TuningJobConfig config = parse(example());

        assertEquals("pipeline-7", config.name());
        assertEquals(StrategyName.Random, config.strategy());
        assertEquals("validation:auc", config.objective().metricName());
        assertEquals(ObjectiveType.Maximize, config.objective().type());
        assertEquals(20, config.limits().maxTrainingJobs());
        assertEquals(3, config.limits().maxParallelTrainingJobs());
        assertTrue(config.space().ranges().contains(new ContinuousRange("eta", 0, 1, dev.hpo.engine.space.ScalingType.Auto)));
        assertTrue(config.space().ranges().contains(new IntegerRange("max_depth", 1, 10, dev.hpo.engine.space.ScalingType.Auto)));
        assertTrue(config.space().ranges().contains(new CategoricalRange("booster", List.of("gbtree", "dart"))));
        assertTrue(config.space().ranges().contains(new ContinuousRange("alpha", 0.0001, 2, dev.hpo.engine.space.ScalingType.Logarithmic)));
        assertEquals("100", config.staticHyperParameters().get("num_round"));
        assertEquals(workspace.resolve("data/train.csv"), config.channels().get(0).path());
        assertEquals("validation", config.channels().get(1).name());
        assertEquals(workspace.resolve(StepConfigMapper.DEFAULT_OUTPUT_DIRECTORY), config.outputPath());
        assertTrue(config.algorithm().isBuiltIn());
    }

    /** One to one: the arguments that say what examples/bank-marketing/tuning-job.json says give the same config. */
    @Test
    void argumentsAndTheEquivalentJsonFileParseToTheSameConfig() throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "bank-marketing-xgboost");
        args.put("algorithm", Map.of("kind", "xgboost", "train", "data/train.csv", "validation", "data/validation.csv", "contentType", "text/csv"));
        args.put("objective", "validation:auc");
        args.put("objectiveType", "Maximize");
        args.put("strategy", "Random");
        args.put("randomSeed", 42);
        args.put("maxJobs", 20);
        args.put("maxParallelJobs", 3);
        args.put("maxRuntimePerJob", 3600);
        args.put("outputDirectory", "runs");
        args.put("ranges", List.of(
                Map.of("kind", "continuous", "name", "eta", "min", "0", "max", "1", "scaling", "Auto"),
                Map.of("kind", "continuous", "name", "min_child_weight", "min", "1", "max", "10", "scaling", "Auto"),
                Map.of("kind", "continuous", "name", "alpha", "min", "0", "max", "2", "scaling", "Auto"),
                Map.of("kind", "integer", "name", "max_depth", "min", "1", "max", "10", "scaling", "Auto")));
        Map<String, String> statics = new LinkedHashMap<>();
        statics.put("objective", "binary:logistic");
        statics.put("eval_metric", "auc");
        statics.put("num_round", "100");
        statics.put("gamma", "4");
        statics.put("subsample", "0.8");
        args.put("staticHyperParameters", statics);
        TuningJobConfig fromArguments = parse(args);

        Path example = Path.of(System.getProperty("user.dir")).resolveSibling("examples").resolve("bank-marketing").resolve("tuning-job.json");
        Files.copy(example, workspace.resolve("tuning-job.json"));
        TuningJobConfig fromFile = new ConfigParser(BUILT_INS).parse(workspace.resolve("tuning-job.json"));

        assertEquals(fromFile.name(), fromArguments.name());
        assertEquals(fromFile.strategy(), fromArguments.strategy());
        assertEquals(fromFile.objective(), fromArguments.objective());
        assertEquals(fromFile.limits(), fromArguments.limits());
        assertEquals(fromFile.space(), fromArguments.space());
        assertEquals(fromFile.staticHyperParameters(), fromArguments.staticHyperParameters());
        assertEquals(fromFile.algorithm(), fromArguments.algorithm());
        assertEquals(fromFile.metricDefinitions(), fromArguments.metricDefinitions());
        assertEquals(fromFile.channels(), fromArguments.channels());
        assertEquals(fromFile.outputPath(), fromArguments.outputPath());
        assertEquals(fromFile.maxRuntimePerJobSeconds(), fromArguments.maxRuntimePerJobSeconds());
        assertEquals(fromFile.randomSeed(), fromArguments.randomSeed());
    }

    @Test
    void everyProblemNamesTheStepArgumentThatCausedIt() {
        Map<String, Object> args = example();
        args.put("ranges", List.of(
                Map.of("kind", "continuous", "name", "eta", "min", 0, "max", 1),
                Map.of("kind", "integer", "name", "max_depth", "min", 5, "max", "ten")));
        args.remove("maxParallelJobs");
        args.remove("objectiveType");
        args.put("staticHyperParameters", Map.of("eta", "0.1"));
        args.put("algorithm", Map.of("kind", "xgboost", "train", "data/missing.csv", "validation", "data/validation.csv"));
        args.put("strategy", "Quantum");
        args.put("maxJob", 5);

        ConfigException e = assertThrows(ConfigException.class, () -> parse(args));
        Map<String, String> problems = problems(e);

        assertTrue(problems.containsKey("ranges[1].max"), problems.toString());
        assertTrue(problems.containsKey("maxParallelJobs"), problems.toString());
        assertTrue(problems.containsKey("objectiveType"), problems.toString());
        assertTrue(problems.containsKey("staticHyperParameters.eta"), problems.toString());
        assertTrue(problems.get("algorithm.train").contains("does not exist"), problems.toString());
        assertTrue(problems.containsKey("strategy"), problems.toString());
        assertTrue(problems.get("maxJob").contains("not an argument"), problems.toString());
        assertTrue(e.getMessage().contains("ranges[1].max: "), e.getMessage());
    }

    @Test
    void shapeErrorsAreFoundBeforeTheParserRuns() {
        Map<String, Object> args = example();
        args.put("maxJobs", "twenty");
        args.put("ranges", List.of(Map.of("kind", "uniform", "name", "eta"), "eta=0..1"));
        args.put("metricDefinitions", List.of(Map.of("name", "loss", "pattern", "loss=(.*)")));
        args.put("algorithm", Map.of("kind", "xgboost", "train", "data/train.csv", "valid", "x"));

        Map<String, String> problems = problems(assertThrows(ConfigException.class, () -> parse(args)));

        assertTrue(problems.get("maxJobs").contains("must be a number"), problems.toString());
        assertTrue(problems.get("ranges[0]").contains("continuous(...), integer(...) or categorical(...)"), problems.toString());
        assertTrue(problems.get("ranges[1]").contains("must be a map"), problems.toString());
        assertTrue(problems.containsKey("metricDefinitions[0].pattern"), problems.toString());
        assertTrue(problems.containsKey("algorithm.valid"), problems.toString());
    }

    @Test
    void aCommandRunsItsScriptFromTheWorkspaceAndNeedsAMetricDefinition() throws Exception {
        Path script = workspace.resolve("train.sh");
        Files.writeString(script, "#!/bin/sh\necho loss=1\n");
        script.toFile().setExecutable(true);
        Map<String, Object> args = example();
        args.put("algorithm", Map.of("kind", "command", "command", "sh train.sh"));
        args.put("objective", "loss");
        args.put("objectiveType", "Minimize");

        Map<String, String> problems = problems(assertThrows(ConfigException.class, () -> parse(args)));
        assertTrue(problems.get("objective").contains("has no metric definition"), problems.toString());

        args.put("metricDefinitions", List.of(Map.of("name", "loss", "regex", "loss=([0-9.]+)")));
        TuningJobConfig config = parse(args);
        assertEquals(List.of("sh", script.toString()), config.algorithm().command());
        assertEquals("loss", config.metricDefinitions().get(0).name());

        // command: '...' is the issue's shorthand for algorithm: command('...')
        args.remove("algorithm");
        args.put("command", "sh train.sh");
        assertEquals(List.of("sh", script.toString()), parse(args).algorithm().command());
        args.put("algorithm", Map.of("kind", "command", "command", "sh train.sh"));
        assertTrue(problems(assertThrows(ConfigException.class, () -> parse(args))).get("command").contains("not both"));
    }

    @Test
    void pathsAreCheckedWhereTheTrainingJobsRunNotWhereTheStepIsParsed() {
        PathChecks agentWithoutData = new PathChecks() {
            @Override
            public boolean exists(Path path) {
                return false;
            }

            @Override
            public boolean isRegularFile(Path path) {
                return false;
            }

            @Override
            public boolean isExecutableFile(Path path) {
                return false;
            }

            @Override
            public List<String> searchPath() {
                return List.of();
            }
        };
        ConfigException e = assertThrows(ConfigException.class,
                () -> StepConfig.fromArguments(example(), "p-1", false, workspace, BUILT_INS, agentWithoutData));
        assertTrue(problems(e).get("algorithm.train").contains("does not exist"), problems(e).toString());
    }

    @Test
    void theBlockFormRunsOneBodyAtATimeAndSaysSoForArgumentsAndFiles() throws Exception {
        Map<String, Object> args = example();
        args.remove("algorithm");
        args.remove("maxParallelJobs");
        args.put("objective", "loss");
        args.put("objectiveType", "Minimize");
        args.put("metricDefinitions", List.of(Map.of("name", "loss", "regex", "loss=([0-9.]+)")));
        TuningJobConfig one = StepConfig.fromArguments(args, "p-3", true, workspace, BUILT_INS, PathChecks.LOCAL);
        assertEquals(1, one.limits().maxParallelTrainingJobs(), "the block form needs no maxParallelJobs");
        StepConfig.checkOneBodyAtATime(one, null);

        args.put("maxParallelJobs", 3);
        TuningJobConfig three = StepConfig.fromArguments(args, "p-3", true, workspace, BUILT_INS, PathChecks.LOCAL);
        Map<String, String> problems = problems(assertThrows(ConfigException.class, () -> StepConfig.checkOneBodyAtATime(three, null)));
        assertTrue(problems.get("maxParallelJobs").startsWith("must be 1 in the block form, not 3"), problems.toString());
        problems = problems(assertThrows(ConfigException.class, () -> StepConfig.checkOneBodyAtATime(three, "tuning.json")));
        assertTrue(problems.containsKey("tuning.json: HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs"), problems.toString());
    }

    @Test
    void theBlockFormNeedsNoAlgorithmAndRefusesOne() throws Exception {
        Map<String, Object> args = example();
        args.remove("algorithm");
        args.put("objective", "loss");
        args.put("objectiveType", "Minimize");
        args.put("metricDefinitions", List.of(Map.of("name", "loss", "regex", "loss=([0-9.]+)")));
        TuningJobConfig config = StepConfig.fromArguments(args, "p-2", true, workspace, BUILT_INS, PathChecks.LOCAL);
        assertEquals(List.of(StepConfigMapper.BODY_PROGRAM), config.algorithm().command());

        args.put("algorithm", Map.of("kind", "xgboost", "train", "data/train.csv"));
        Map<String, String> problems = problems(assertThrows(ConfigException.class,
                () -> StepConfig.fromArguments(args, "p-2", true, workspace, BUILT_INS, PathChecks.LOCAL)));
        assertTrue(problems.get("algorithm").contains("block form"), problems.toString());
    }

    @Test
    void aConfigFileExcludesTuningArgumentsAndItsErrorsNameTheFile() throws Exception {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("maxJobs", 5);
        given.put("strategy", null);
        Map<String, String> problems = problems(assertThrows(ConfigException.class, () -> StepConfig.checkExclusive("tuning.json", given)));
        assertEquals(1, problems.size());
        assertTrue(problems.get("maxJobs").contains("config: 'tuning.json'"), problems.toString());

        ConfigException e = assertThrows(ConfigException.class, () -> StepConfig.fromFile(
                "{\"HyperParameterTuningJobName\": \"x\"}", workspace, "tuning.json", BUILT_INS, PathChecks.LOCAL));
        assertTrue(e.problems().stream().allMatch(p -> p.fieldPath().startsWith("tuning.json: ")), e.getMessage());
    }

    @Test
    void everyEngineFeatureHasAnArgumentThatWritesItsSageMakerField() throws Exception {
        Map<String, Object> args = example();
        args.put("earlyStopping", "Auto");
        args.put("completionCriteria", Map.of("targetObjective", new BigDecimal("0.95"), "maxJobsNotImproving", 5, "convergenceDetected", true));
        args.put("retries", 2);
        args.put("maxRuntimePerJob", 600);
        args.put("maxRuntime", 3600);
        args.put("randomSeed", 7);
        args.put("warmStart", Map.of("parents", List.of("/builds/41/hpo/pipeline-41"), "type", "IdenticalDataAndAlgorithm"));
        args.put("strategyConfig", Map.of("minResource", 1, "maxResource", 100));
        args.put("environment", Map.of("PYTHONHASHSEED", 0));
        args.put("metricDefinitions", List.of(Map.of("name", "train:loss", "regex", "loss=([0-9.]+)")));

        var mapped = StepConfigMapper.map(args, "p-3", false);
        assertTrue(mapped.problems().isEmpty(), mapped.problems().toString());
        var request = mapped.request();
        var tuning = request.get("HyperParameterTuningJobConfig");
        assertEquals("Auto", tuning.get("TrainingJobEarlyStoppingType").asText());
        assertEquals(0.95, tuning.at("/TuningJobCompletionCriteria/TargetObjectiveMetricValue").asDouble());
        assertEquals(5, tuning.at("/TuningJobCompletionCriteria/BestObjectiveNotImproving/MaxNumberOfTrainingJobsNotImproving").asInt());
        assertEquals("Enabled", tuning.at("/TuningJobCompletionCriteria/ConvergenceDetected/CompleteOnConvergence").asText());
        assertEquals(3600, tuning.at("/ResourceLimits/MaxRuntimeInSeconds").asInt());
        assertEquals(7, tuning.get("RandomSeed").asInt());
        assertEquals(100, tuning.at("/StrategyConfig/HyperbandStrategyConfig/MaxResource").asInt());
        assertEquals(2, request.at("/TrainingJobDefinition/RetryStrategy/MaximumRetryAttempts").asInt());
        assertEquals(600, request.at("/TrainingJobDefinition/StoppingCondition/MaxRuntimeInSeconds").asInt());
        assertEquals("0", request.at("/TrainingJobDefinition/Environment/PYTHONHASHSEED").asText());
        assertEquals("/builds/41/hpo/pipeline-41", request.at("/WarmStartConfig/ParentHyperParameterTuningJobs/0/HyperParameterTuningJobName").asText());
        assertEquals("IdenticalDataAndAlgorithm", request.at("/WarmStartConfig/WarmStartType").asText());
        assertEquals("loss=([0-9.]+)", request.at("/TrainingJobDefinition/AlgorithmSpecification/MetricDefinitions/0/Regex").asText());
        assertEquals("0.0001", tuning.at("/ParameterRanges/ContinuousParameterRanges/1/MinValue").asText());
    }

    @Test
    void earlyStoppingCompletionCriteriaRetriesAndRuntimesReachTheEngine() throws Exception {
        Map<String, Object> args = example();
        args.put("earlyStopping", "Auto");
        args.put("completionCriteria", Map.of("targetObjective", new BigDecimal("0.95"), "maxJobsNotImproving", 5, "convergenceDetected", true));
        args.put("retries", 2);
        args.put("maxRuntimePerJob", 600);
        args.put("maxRuntime", 3600);
        args.put("randomSeed", 7);
        TuningJobConfig config = parse(args);

        assertEquals(dev.hpo.engine.config.EarlyStoppingType.Auto, config.earlyStopping());
        assertEquals(new dev.hpo.engine.config.CompletionCriteria(0.95, 5, true), config.completionCriteria());
        assertEquals(2, config.maxRetryAttempts());
        assertEquals(600, config.maxRuntimePerJobSeconds());
        assertEquals(3600, config.limits().maxRuntimeSeconds());
        assertEquals(7L, config.randomSeed());

        args.put("retries", -1);
        args.put("completionCriteria", Map.of("maxJobsNotImproving", 0));
        Map<String, String> problems = problems(assertThrows(ConfigException.class, () -> parse(args)));
        assertTrue(problems.containsKey("retries"), problems.toString());
        assertTrue(problems.containsKey("completionCriteria.maxJobsNotImproving"), problems.toString());
    }

    @Test
    void featuresTheEngineDoesNotOfferYetAreRefusedUnderTheArgumentsName() {
        Map<String, Object> args = example();
        args.put("retries", 2);
        args.put("warmStart", Map.of("parents", List.of("p-1"), "type", "TransferLearning"));
        try {
            parse(args);
        } catch (ConfigException e) {
            // whatever the engine refuses, it is named after the step's argument, never a SageMaker path
            for (ConfigProblem problem : e.problems()) {
                assertTrue(!problem.fieldPath().startsWith("TrainingJobDefinition") && !problem.fieldPath().startsWith("WarmStartConfig"),
                        e.getMessage());
            }
        }
    }

    @Test
    void buildNamesFitTheTuningJobNameRules() {
        assertEquals("my-model-12", BuildTuningJobName.of("team/My Model", 12));
        assertEquals("tuning-3", BuildTuningJobName.of("__", 3));
        String longName = BuildTuningJobName.of("a-very-long-pipeline-name-for-the-marketing-model", 12345);
        assertTrue(longName.length() <= 32, longName);
        assertTrue(longName.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"), longName);
        assertNull(AgentAlgorithms.missingInstallation("/opt/hpo"));
        assertEquals("/opt/jdk/bin/java", AgentAlgorithms.java(Map.of("JAVA_HOME", "/opt/jdk/")));
        assertEquals("/opt/hpo/cli/target/hpo-cli.jar:/opt/hpo/cli/target/lib/*",
                AgentAlgorithms.onAgent("/opt/hpo/", "java").get("xgboost").command().get(4));
    }
}
