package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.metric.FinalValue;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependabilityConfigTest {
    private static String config(String tuningExtra, String definitionExtra, String metricExtra) {
        return """
                {"HyperParameterTuningJobName": "dep",
                 "HyperParameterTuningJobConfig": {"Strategy": "Random",
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "loss"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 4, "MaxParallelTrainingJobs": 1},
                   "ParameterRanges": {"ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}]}%s},
                 "TrainingJobDefinition": {"AlgorithmSpecification": {"ContainerEntrypoint": ["sh"],
                   "MetricDefinitions": [{"Name": "loss", "Regex": "loss=([0-9.]+)"%s}]}%s}}
                """.formatted(tuningExtra, metricExtra, definitionExtra);
    }

    private static TuningJobConfig parse(String text) throws ConfigException {
        return new ConfigParser(Map.of()).parse(text, Path.of("."), "test");
    }

    @Test
    void readsEveryDependabilityField() throws Exception {
        TuningJobConfig config = parse(config("""
                , "TrainingJobEarlyStoppingType": "Auto",
                  "TuningJobCompletionCriteria": {"TargetObjectiveMetricValue": 0.1,
                    "BestObjectiveNotImproving": {"MaxNumberOfTrainingJobsNotImproving": 5},
                    "ConvergenceDetected": {"CompleteOnConvergence": "Enabled"}}""",
                ", \"RetryStrategy\": {\"MaximumRetryAttempts\": 2}", ", \"FinalValue\": \"Min\""));
        assertEquals(EarlyStoppingType.Auto, config.earlyStopping());
        assertEquals(new CompletionCriteria(0.1, 5, true), config.completionCriteria());
        assertEquals(2, config.maxRetryAttempts());
        assertEquals(FinalValue.Min, config.metricDefinitions().get(0).finalValue());
    }

    @Test
    void defaultsAreSageMakers() throws Exception {
        TuningJobConfig config = parse(config("", "", ""));
        assertEquals(EarlyStoppingType.Off, config.earlyStopping());
        assertEquals(CompletionCriteria.NONE, config.completionCriteria());
        assertEquals(0, config.maxRetryAttempts());
        assertEquals(FinalValue.Last, config.metricDefinitions().get(0).finalValue());
    }

    @Test
    void badValuesNameTheirFieldPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(config("""
                , "TrainingJobEarlyStoppingType": "Sometimes",
                  "TuningJobCompletionCriteria": {"TargetObjectiveMetricValue": "high",
                    "BestObjectiveNotImproving": {"MaxNumberOfTrainingJobsNotImproving": 2},
                    "ConvergenceDetected": {"CompleteOnConvergence": "Yes"}}""",
                ", \"RetryStrategy\": {\"MaximumRetryAttempts\": 31}", ", \"FinalValue\": \"Best\"")));
        String message = e.getMessage();
        for (String expected : new String[] {
                "HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType",
                "HyperParameterTuningJobConfig.TuningJobCompletionCriteria.TargetObjectiveMetricValue",
                "HyperParameterTuningJobConfig.TuningJobCompletionCriteria.BestObjectiveNotImproving.MaxNumberOfTrainingJobsNotImproving",
                "HyperParameterTuningJobConfig.TuningJobCompletionCriteria.ConvergenceDetected.CompleteOnConvergence",
                "TrainingJobDefinition.RetryStrategy.MaximumRetryAttempts",
                "TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions[0].FinalValue"}) {
            assertTrue(message.contains(expected), "missing " + expected + " in:\n" + message);
        }
    }
}
