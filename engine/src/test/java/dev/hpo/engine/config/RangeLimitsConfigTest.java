package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranges the search cannot honour are refused with their field path: none at all (every job would be
 * the same), widths and bounds beyond what doubles hold, and names that share one SM_HP_ variable.
 */
class RangeLimitsConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGES = "HyperParameterTuningJobConfig.ParameterRanges";

    @TempDir
    Path base;

    private static ObjectNode valid(String strategy) throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"HyperParameterTuningJobName": "limits",
                 "HyperParameterTuningJobConfig": {"Strategy": "%s",
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "loss"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 5, "MaxParallelTrainingJobs": 1},
                   "ParameterRanges": {
                     "ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}],
                     "IntegerParameterRanges": [{"Name": "n", "MinValue": "1", "MaxValue": "3"}]}},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["sh", "-c", "echo loss=1"],
                     "MetricDefinitions": [{"Name": "loss", "Regex": "loss=(\\\\S+)"}]},
                   "StaticHyperParameters": {"epochs": "9"}}}""".formatted(strategy));
    }

    private ConfigException refused(String strategy, Consumer<ObjectNode> change) throws IOException {
        ObjectNode request = valid(strategy);
        if (strategy.equals("Hyperband")) {
            ((ObjectNode) request.get("HyperParameterTuningJobConfig")).set("StrategyConfig",
                    JSON.readTree("{\"HyperbandStrategyConfig\": {\"MinResource\": 1, \"MaxResource\": 9}}"));
        }
        change.accept(request);
        return assertThrows(ConfigException.class, () -> new ConfigParser(Map.of()).parse(request.toString(), base, "t.json"));
    }

    private static ObjectNode ranges(ObjectNode request) {
        return (ObjectNode) request.get("HyperParameterTuningJobConfig").get("ParameterRanges");
    }

    private static ObjectNode range(ObjectNode request, String kind) {
        return (ObjectNode) ranges(request).get(kind + "ParameterRanges").get(0);
    }

    private static void assertOnly(ConfigException e, String fieldPath, String message) {
        assertEquals(List.of(new ConfigProblem(fieldPath, message)), e.problems(), e.getMessage());
    }

    @Test
    void aSearchWithNothingToTuneIsRefused() throws Exception {
        for (String strategy : List.of("Bayesian", "Random", "Hyperband")) {
            ConfigException empty = refused(strategy, r -> ranges(r).removeAll());
            assertOnly(empty, RANGES, strategy + " search needs at least one range (continuous, integer or categorical)");
            ConfigException missing = refused(strategy, r -> ((ObjectNode) r.get("HyperParameterTuningJobConfig")).remove("ParameterRanges"));
            assertOnly(missing, RANGES, strategy + " search needs at least one range (continuous, integer or categorical)");
        }
        // Grid keeps its own message, once
        ConfigException grid = refused("Grid", r -> ranges(r).removeAll());
        assertOnly(grid, RANGES, "Grid search needs at least one categorical or integer range");
    }

    @Test
    void aBrokenRangeIsNotAlsoReportedAsNoRange() throws Exception {
        ConfigException e = refused("Random", r -> {
            ranges(r).remove("IntegerParameterRanges");
            range(r, "Continuous").put("MinValue", "2");
        });
        assertOnly(e, RANGES + ".ContinuousParameterRanges[0].MinValue", "MinValue 2.0 is above MaxValue 1.0");
    }

    @Test
    void aContinuousRangeWiderThanTheLargestDoubleIsRefused() throws Exception {
        ConfigException e = refused("Bayesian", r -> range(r, "Continuous").put("MinValue", "-1e308").put("MaxValue", "1e308"));
        assertOnly(e, RANGES + ".ContinuousParameterRanges[0].MaxValue",
                "the width MaxValue - MinValue (1.0E308 - -1.0E308) is beyond the largest double; narrow the range");
    }

    @Test
    void integerBoundsBeyondTwoToThe53AreRefused() throws Exception {
        String path = RANGES + ".IntegerParameterRanges[0]";
        String why = " (beyond 2^53 doubles, and so the search, cannot represent every integer)";
        for (String strategy : List.of("Random", "Bayesian", "Grid")) {
            ConfigException e = refused(strategy, r -> {
                ranges(r).remove("ContinuousParameterRanges");
                range(r, "Integer").put("MinValue", "-9223372036854775807").put("MaxValue", "9223372036854775807");
            });
            assertEquals(List.of(
                    new ConfigProblem(path + ".MinValue", "'-9223372036854775807' is too small; it must be at least -9007199254740992" + why),
                    new ConfigProblem(path + ".MaxValue", "'9223372036854775807' is too large; it must be at most 9007199254740992" + why)),
                    e.problems(), e.getMessage());
        }
        // beyond a long it is still too large, not "not a whole number"
        ConfigException huge = refused("Random", r -> range(r, "Integer").put("MaxValue", "99999999999999999999"));
        assertOnly(huge, path + ".MaxValue", "'99999999999999999999' is too large; it must be at most 9007199254740992" + why);
        // the bound itself is allowed
        ObjectNode edge = valid("Random");
        range(edge, "Integer").put("MinValue", "-9007199254740992").put("MaxValue", "9007199254740992");
        new ConfigParser(Map.of()).parse(edge.toString(), base, "t.json");
    }

    @Test
    void wideGridRangesAreTooManyCombinationsNotAnOverflow() throws Exception {
        ConfigException e = refused("Grid", r -> {
            ranges(r).remove("ContinuousParameterRanges");
            ranges(r).set("IntegerParameterRanges", JSON.valueToTree(List.of(
                    Map.of("Name", "a", "MinValue", "1", "MaxValue", "1000"),
                    Map.of("Name", "b", "MinValue", "-9007199254740992", "MaxValue", "9007199254740992"))));
        });
        assertOnly(e, RANGES, "Grid search over more than 1000000 combinations; narrow the ranges");
    }

    @Test
    void aCountBeyondALongIsTooLargeNotFractional() throws Exception {
        ConfigException e = refused("Hyperband", r -> ((ObjectNode) r.get("HyperParameterTuningJobConfig").get("StrategyConfig")
                .get("HyperbandStrategyConfig")).put("MaxResource", 1e30));
        assertTrue(e.problems().stream().anyMatch(p -> p.fieldPath().equals(
                        "HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MaxResource")
                        && p.message().equals("'1.0E30' is too large; it must be at most 9223372036854775807")), e.getMessage());
        ConfigException fraction = refused("Random", r -> ((ObjectNode) r.get("HyperParameterTuningJobConfig").get("ResourceLimits"))
                .put("MaxNumberOfTrainingJobs", "2.5"));
        assertOnly(fraction, "HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs", "must be a whole number, not '2.5'");
    }

    @Test
    void twoNamesForOneEnvironmentVariableAreRefused() throws Exception {
        ConfigException tuned = refused("Bayesian", r -> {
            range(r, "Continuous").put("Name", "a-b");
            range(r, "Integer").put("Name", "a_b");
        });
        assertOnly(tuned, RANGES + ".IntegerParameterRanges[0].Name",
                "hyperparameters 'a-b' and 'a_b' both become the environment variable SM_HP_A_B; rename one of them");
        ConfigException withStatic = refused("Random", r -> range(r, "Continuous").put("Name", "Epochs"));
        assertOnly(withStatic, "TrainingJobDefinition.StaticHyperParameters.epochs",
                "hyperparameters 'Epochs' and 'epochs' both become the environment variable SM_HP_EPOCHS; rename one of them");
    }

    @Test
    void aNameThatBecomesTheObjectivesReservedVariableIsRefused() throws Exception {
        ConfigException reserved = refused("Bayesian", r -> range(r, "Continuous").put("Name", "-tuning-objective-metric"));
        assertOnly(reserved, RANGES + ".ContinuousParameterRanges[0].Name",
                "'-tuning-objective-metric' becomes SM_HP__TUNING_OBJECTIVE_METRIC, which is reserved for _tuning_objective_metric"
                        + " (the objective metric's name); rename it");
    }

    @Test
    void twoChannelsForOneEnvironmentVariableAreRefused() throws Exception {
        Files.writeString(base.resolve("a.csv"), "1,2\n");
        ConfigException e = refused("Random", r -> {
            var channels = ((ObjectNode) r.get("TrainingJobDefinition")).putArray("InputDataConfig");
            for (String name : new String[] {"train-set", "train_set"}) {
                channels.addObject().put("ChannelName", name).putObject("DataSource").putObject("S3DataSource").put("S3Uri", "a.csv");
            }
        });
        assertOnly(e, "TrainingJobDefinition.InputDataConfig[1].ChannelName",
                "channels 'train-set' and 'train_set' both become the environment variable SM_CHANNEL_TRAIN_SET; rename one of them");
    }
}
