package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ScalingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input the issue names is refused before any job starts, with the field path that is wrong. */
class ConfigParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, BuiltInAlgorithm> BUILT_INS = Map.of("xgboost",
            new BuiltInAlgorithm("xgboost", List.of("java", "Train"), "nthread", List.of("train")));

    @TempDir
    Path base;

    @BeforeEach
    void dataFiles() throws IOException {
        Files.writeString(base.resolve("train.csv"), "1,0.5\n0,0.1\n");
        Files.writeString(base.resolve("validation.csv"), "1,0.4\n0,0.2\n");
    }

    /** The bank-marketing example's shape, with cloud-only fields a SageMaker user would have. */
    private ObjectNode valid() throws IOException {
        return (ObjectNode) JSON.readTree("""
                {
                  "HyperParameterTuningJobName": "bank",
                  "HyperParameterTuningJobConfig": {
                    "Strategy": "Random",
                    "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "validation:auc"},
                    "ResourceLimits": {"MaxNumberOfTrainingJobs": 20, "MaxParallelTrainingJobs": 3},
                    "ParameterRanges": {
                      "ContinuousParameterRanges": [{"Name": "eta", "MinValue": "0", "MaxValue": "1"}],
                      "IntegerParameterRanges": [{"Name": "max_depth", "MinValue": "1", "MaxValue": "10"}]
                    }
                  },
                  "TrainingJobDefinition": {
                    "AlgorithmSpecification": {"AlgorithmName": "xgboost", "TrainingInputMode": "File"},
                    "StaticHyperParameters": {"num_round": "10", "eval_metric": "auc,logloss"},
                    "InputDataConfig": [
                      {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "train.csv"}}},
                      {"ChannelName": "validation", "DataSource": {"S3DataSource": {"S3Uri": "file://%s/validation.csv"}}}
                    ],
                    "OutputDataConfig": {"S3OutputPath": "runs"},
                    "RoleArn": "arn:aws:iam::1:role/x",
                    "ResourceConfig": {"InstanceCount": 1},
                    "StoppingCondition": {"MaxRuntimeInSeconds": 60}
                  }
                }""".formatted(base));
    }

    private TuningJobConfig parse(ObjectNode request) throws ConfigException {
        return new ConfigParser(BUILT_INS).parse(request.toString(), base, "test.json");
    }

    private ConfigException refused(Consumer<ObjectNode> change) throws IOException {
        ObjectNode request = valid();
        change.accept(request);
        return assertThrows(ConfigException.class, () -> parse(request));
    }

    private static void assertProblem(ConfigException e, String fieldPath, String words) {
        assertTrue(e.problems().stream().anyMatch(p -> p.fieldPath().equals(fieldPath) && p.message().contains(words)),
                () -> "expected a problem at " + fieldPath + " saying '" + words + "', got: " + e.getMessage());
    }

    private static ObjectNode tuning(ObjectNode request) {
        return (ObjectNode) request.get("HyperParameterTuningJobConfig");
    }

    private static ObjectNode definition(ObjectNode request) {
        return (ObjectNode) request.get("TrainingJobDefinition");
    }

    private static ObjectNode continuous(ObjectNode request) {
        return (ObjectNode) tuning(request).get("ParameterRanges").get("ContinuousParameterRanges").get(0);
    }

    @Test
    void aSageMakerRequestRunsWithCloudFieldsReportedAsIgnored() throws Exception {
        TuningJobConfig config = parse(valid());
        assertEquals("bank", config.name());
        assertEquals(20, config.limits().maxTrainingJobs());
        assertEquals(3, config.limits().maxParallelTrainingJobs());
        assertEquals(60, config.maxRuntimePerJobSeconds());
        assertEquals(base.resolve("runs"), config.outputPath());
        assertEquals(base.resolve("validation.csv"), config.channels().get(1).path());
        assertTrue(config.ignoredFields().containsAll(List.of("TrainingJobDefinition.RoleArn", "TrainingJobDefinition.ResourceConfig")),
                config.ignoredFields().toString());
        // the objective and every eval_metric on both sets get XGBoost's predefined definitions
        List<String> names = config.metricDefinitions().stream().map(m -> m.name()).toList();
        assertTrue(names.containsAll(List.of("validation:auc", "train:auc", "validation:logloss", "train:logloss")), names.toString());
        assertEquals(new ContinuousRange("eta", 0, 1, ScalingType.Auto), config.space().ranges().get(0));
        assertInstanceOf(IntegerRange.class, config.space().ranges().get(1));
    }

    @Test
    void minAboveMax() throws Exception {
        ConfigException e = refused(r -> continuous(r).put("MinValue", "2"));
        assertProblem(e, "HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].MinValue", "above MaxValue");
    }

    @Test
    void logarithmicWithNonPositiveMin() throws Exception {
        ConfigException e = refused(r -> continuous(r).put("ScalingType", "Logarithmic"));
        assertProblem(e, "HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].ScalingType", "above 0");
    }

    @Test
    void reverseLogarithmicOutsideZeroToOne() throws Exception {
        ConfigException e = refused(r -> continuous(r).put("ScalingType", "ReverseLogarithmic").put("MaxValue", "1"));
        assertProblem(e, "HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].ScalingType", "[0, 1)");
    }

    @Test
    void objectiveWithoutMetricDefinitionForACommand() throws Exception {
        ConfigException e = refused(r -> {
            ObjectNode spec = JSON.createObjectNode();
            spec.putArray("ContainerEntrypoint").add("sh").add("-c").add("echo hi");
            definition(r).set("AlgorithmSpecification", spec);
            ((ObjectNode) tuning(r).get("HyperParameterTuningJobObjective")).put("MetricName", "accuracy");
        });
        assertProblem(e, "HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName", "no metric definition");
    }

    @Test
    void aCommandPrintingXgboostLogsGetsPredefinedPatternsFromANameAlone() throws Exception {
        ObjectNode request = valid();
        ObjectNode spec = JSON.createObjectNode();
        spec.putArray("ContainerEntrypoint").add("sh").add("-c").add("echo hi");
        spec.putArray("MetricDefinitions").addObject().put("Name", "validation:auc");
        definition(request).set("AlgorithmSpecification", spec);
        TuningJobConfig config = parse(request);
        assertEquals(List.of("sh", "-c", "echo hi"), config.algorithm().command());
    }

    @Test
    void regexThatDoesNotCompileOrHasNoGroup() throws Exception {
        ConfigException e = refused(r -> {
            ArrayNode definitions = ((ObjectNode) definition(r).get("AlgorithmSpecification")).putArray("MetricDefinitions");
            definitions.addObject().put("Name", "broken").put("Regex", "loss=([0-9");
            definitions.addObject().put("Name", "nogroup").put("Regex", "loss=[0-9.]+");
        });
        assertProblem(e, "TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions[0].Regex", "");
        assertProblem(e, "TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions[1].Regex", "capture group");
    }

    @Test
    void hyperparameterBothStaticAndTuned() throws Exception {
        ConfigException e = refused(r -> ((ObjectNode) definition(r).get("StaticHyperParameters")).put("eta", "0.1"));
        assertProblem(e, "TrainingJobDefinition.StaticHyperParameters.eta", "both static and tuned");
    }

    @Test
    void missingDataFile() throws Exception {
        ConfigException e = refused(r -> ((ObjectNode) definition(r).get("InputDataConfig").get(0).get("DataSource").get("S3DataSource"))
                .put("S3Uri", "nowhere/train.csv"));
        assertProblem(e, "TrainingJobDefinition.InputDataConfig[0].DataSource.S3DataSource.S3Uri", "does not exist");
    }

    @Test
    void commandThatDoesNotExist() throws Exception {
        ConfigException e = refused(r -> {
            ObjectNode spec = JSON.createObjectNode();
            spec.putArray("ContainerEntrypoint").add("no-such-trainer-xyz");
            spec.putArray("MetricDefinitions").addObject().put("Name", "validation:auc");
            definition(r).set("AlgorithmSpecification", spec);
        });
        assertProblem(e, "TrainingJobDefinition.AlgorithmSpecification.ContainerEntrypoint[0]", "not found on the PATH");
    }

    @Test
    void parallelJobsBelowOne() throws Exception {
        ConfigException e = refused(r -> ((ObjectNode) tuning(r).get("ResourceLimits")).put("MaxParallelTrainingJobs", 0));
        assertProblem(e, "HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs", "");
    }

    @Test
    void everyProblemIsReportedInOnePass() throws Exception {
        ConfigException e = refused(r -> {
            continuous(r).put("MinValue", "5");
            ((ObjectNode) tuning(r).get("ResourceLimits")).put("MaxParallelTrainingJobs", 0);
            ((ObjectNode) definition(r).get("StaticHyperParameters")).put("max_depth", "3");
        });
        assertTrue(e.problems().size() >= 3, e.getMessage());
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        ConfigException e = refused(r -> tuning(r).put("MaxJobs", 3));
        assertProblem(e, "HyperParameterTuningJobConfig.MaxJobs", "");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigParser(BUILT_INS).parse("{\n  \"HyperParameterTuningJobName\": ,\n}", base, "broken.json"));
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceOrTextAfterTheObjectIsRefused() throws Exception {
        String twice = valid().toString().replaceFirst("\\{", "{\"HyperParameterTuningJobName\": \"other\",");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigParser(BUILT_INS).parse(twice, base, "twice.json"));
        assertTrue(e.getMessage().contains("Duplicate field 'HyperParameterTuningJobName'"), e.getMessage());
        String trailing = valid() + " {\"a\": 1}";
        e = assertThrows(ConfigException.class, () -> new ConfigParser(BUILT_INS).parse(trailing, base, "trailing.json"));
        assertTrue(e.getMessage().contains("trailing.json"), e.getMessage());
    }

    @Test
    void tooManyParallelJobsIsSaidNotSilentlyCapped() throws Exception {
        ConfigException e = refused(r -> ((ObjectNode) tuning(r).get("ResourceLimits")).put("MaxParallelTrainingJobs", 1_000_000_000));
        assertProblem(e, "HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs", "at most 10000");
    }

    @Test
    void aConfigPathThatIsADirectoryOrNotUtf8() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigParser(BUILT_INS).parse(base));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        Path binary = Files.write(base.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        e = assertThrows(ConfigException.class, () -> new ConfigParser(BUILT_INS).parse(binary));
        assertTrue(e.getMessage().contains("binary.json") && e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
