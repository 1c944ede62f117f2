package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.PathChecks;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.gate.GateDecision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepResultTest {

    static TuningJobConfig config(Path workspace) throws Exception {
        return StepConfig.fromArguments(Map.of("algorithm", Map.of("kind", "command", "command", "sh"),
                        "objective", "loss", "objectiveType", "Minimize", "strategy", "Random", "maxJobs", 4, "maxParallelJobs", 2,
                        "metricDefinitions", List.of(Map.of("name", "loss", "regex", "loss=([0-9.]+)")),
                        "ranges", List.of(Map.of("kind", "continuous", "name", "x", "min", 0, "max", 1))),
                "p-1", false, workspace, Map.<String, BuiltInAlgorithm>of(), PathChecks.LOCAL);
    }

    @Test
    void theResultHoldsOnlyJdkValuesAndSurvivesSerialization(@TempDir Path workspace) throws Exception {
        GateDecision gate = new GateDecision(GateDecision.Outcome.UNSTABLE, List.of("UNSTABLE: below"));
        Map<String, Object> result = StepResult.of(TuningResults.finished(0.91), config(workspace), "/ws/hpo-runs/t", gate);

        assertEquals("Completed", result.get("status"));
        assertEquals("t-001-abc", result.get("bestTrainingJobName"));
        assertEquals(0.91, result.get("bestObjective"));
        assertEquals(Map.of("eta", "0.3"), result.get("bestHyperParameters"));
        assertEquals("/ws/hpo-runs/t/training-jobs/t-001-abc/model", result.get("modelPath"));
        assertEquals(1, ((Map<?, ?>) result.get("counters")).get("completed"));
        assertEquals("UNSTABLE", ((Map<?, ?>) result.get("gate")).get("result"));
        assertJdkOnly(result);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(result, in.readObject());
        }
    }

    @Test
    void aFailedTuningJobHasNoBestButSaysWhy(@TempDir Path workspace) throws Exception {
        Map<String, Object> result = StepResult.of(TuningResults.finished(null), config(workspace), null,
                new GateDecision(GateDecision.Outcome.PASSED, List.of()));
        assertEquals("Failed", result.get("status"));
        assertFalse(result.containsKey("bestObjective"));
        assertFalse(result.containsKey("modelPath"));
        assertTrue(((String) result.get("failureReason")).contains("no training job"));
    }

    private static void assertJdkOnly(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertTrue(k instanceof String);
                assertJdkOnly(v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(StepResultTest::assertJdkOnly);
        } else {
            assertTrue(value.getClass().getName().startsWith("java."), value.getClass().getName());
        }
    }
}
