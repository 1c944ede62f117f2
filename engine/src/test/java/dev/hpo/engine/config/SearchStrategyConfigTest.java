package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchStrategyConfigTest {
    @TempDir
    Path base;

    static String config(String strategy, String strategyConfig, String statics) {
        return """
                {"HyperParameterTuningJobName": "search",
                 "HyperParameterTuningJobConfig": {
                   "Strategy": "%s", %s
                   "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "auc"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 10, "MaxParallelTrainingJobs": 2},
                   "ParameterRanges": {"ContinuousParameterRanges": [{"Name": "eta", "MinValue": "0", "MaxValue": "1"}]}},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                     "MetricDefinitions": [{"Name": "auc", "Regex": "auc=(\\\\S+)"}]},
                   "StaticHyperParameters": %s}}
                """.formatted(strategy, strategyConfig, statics);
    }

    private TuningJobConfig parse(String json) throws ConfigException {
        return new ConfigParser(Map.of()).parse(json, base, "test.json");
    }

    private List<ConfigProblem> problems(String json) {
        return assertThrows(ConfigException.class, () -> parse(json)).problems();
    }

    @Test
    void bayesianIsAccepted() throws Exception {
        TuningJobConfig config = parse(config("Bayesian", "", "{}"));
        assertEquals(StrategyName.Bayesian, config.strategy());
        assertNull(config.hyperband());
        assertNull(config.warmStart());
    }

    @Test
    void hyperbandReadsMinAndMaxResource() throws Exception {
        TuningJobConfig config = parse(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MinResource\": 3, \"MaxResource\": 81}},", "{}"));
        assertEquals(new HyperbandSettings(3, 81), config.hyperband());
    }

    @Test
    void hyperbandTakesMaxResourceFromTheRoundsWhenAbsent() throws Exception {
        TuningJobConfig config = parse(config("Hyperband", "", "{\"num_round\": \"100\"}"));
        assertEquals(new HyperbandSettings(1, 100, 100), config.hyperband());
        assertTrue(config.hyperband().jobsEndByMaxResource(), "jobs that run num_round rounds end at MaxResource by themselves");
        assertEquals(new HyperbandSettings(1, 30, 30), parse(config("Hyperband", "", "{\"epochs\": \"30\"}")).hyperband());
        HyperbandSettings longer = parse(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MaxResource\": 27}},", "{\"num_round\": \"100\"}")).hyperband();
        assertFalse(longer.jobsEndByMaxResource(), "jobs of 100 rounds must be ended at MaxResource 27");
    }

    @Test
    void hyperbandMistakesNameTheirField() {
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MaxResource",
                problems(config("Hyperband", "", "{}")).get(0).fieldPath());
        List<ConfigProblem> reversed = problems(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MinResource\": 50, \"MaxResource\": 10}},", "{}"));
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MinResource", reversed.get(0).fieldPath());
        List<ConfigProblem> tooMuch = problems(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MaxResource\": 20001}},", "{}"));
        assertTrue(tooMuch.get(0).message().contains("at most 20000"), tooMuch.toString());
        List<ConfigProblem> typo = problems(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MaxResources\": 10}},", "{\"epochs\": \"5\"}"));
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MaxResources", typo.get(0).fieldPath());
    }

    @Test
    void strategyConfigBelongsToHyperbandOnly() {
        List<ConfigProblem> problems = problems(config("Random",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MaxResource\": 10}},", "{}"));
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig", problems.get(0).fieldPath());
    }

    @Test
    void hyperbandStopsJobsItselfSoEarlyStoppingMustBeOff() {
        List<ConfigProblem> problems = problems(config("Hyperband", "\"TrainingJobEarlyStoppingType\": \"Auto\",", "{\"epochs\": \"5\"}"));
        assertEquals("HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType", problems.get(0).fieldPath());
        assertTrue(problems.get(0).message().contains("Hyperband"));
    }

    @Test
    void hyperbandResourcesAreIntegersNotStrings() {
        List<ConfigProblem> min = problems(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MinResource\": \"1\", \"MaxResource\": 81}},", "{}"));
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MinResource", min.get(0).fieldPath());
        assertTrue(min.get(0).message().contains("JSON integer"), min.get(0).message());
        List<ConfigProblem> max = problems(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MaxResource\": \"81\"}},", "{}"));
        assertEquals("HyperParameterTuningJobConfig.StrategyConfig.HyperbandStrategyConfig.MaxResource", max.get(0).fieldPath());
    }

    @Test
    void hyperbandNotesAMinResourceBeyondTheRoundsRun() throws Exception {
        TuningJobConfig config = parse(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MinResource\": 20, \"MaxResource\": 81}},",
                "{\"num_round\": \"10\"}"));
        assertEquals(1, config.notes().size(), config.notes().toString());
        assertTrue(config.notes().get(0).contains("MinResource (20) exceeds the 10 rounds"), config.notes().get(0));
        TuningJobConfig fine = parse(config("Hyperband",
                "\"StrategyConfig\": {\"HyperbandStrategyConfig\": {\"MinResource\": 5, \"MaxResource\": 81}},",
                "{\"num_round\": \"10\"}"));
        assertTrue(fine.notes().isEmpty(), fine.notes().toString());
    }
}
