package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGatesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static TuningJob finished(Double bestObjective) {
        TrainingJob best = bestObjective == null ? null : TrainingJob.started("t-001-abc", 0, Map.of("eta", "0.3"), T)
                .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, bestObjective, null, Map.of(), Map.of(), T.plusSeconds(5), 0);
        TuningJobStatus status = best == null ? TuningJobStatus.Failed : TuningJobStatus.Completed;
        return new TuningJob("t", status, T, T.plusSeconds(9), T.plusSeconds(9), best == null ? "no training job produced the objective" : null,
                "MaxNumberOfTrainingJobs (1) reached", 42, Counters.of(best == null ? List.of() : List.of(best)), best, null);
    }

    private static GateDecision decide(List<Map<String, ?>> gates, Double best, ObjectiveType type, Double previous) throws ConfigException {
        return QualityGates.evaluate(QualityGate.fromArguments(gates), finished(best), "validation:auc", type, previous, "build #41");
    }

    @Test
    void aMaximizedObjectiveBelowTheThresholdMakesTheBuildUnstableByDefault() throws Exception {
        GateDecision below = decide(List.of(Map.of("threshold", 0.78)), 0.77, ObjectiveType.Maximize, null);
        assertEquals(GateDecision.Outcome.UNSTABLE, below.outcome());
        assertEquals("UNSTABLE: best validation:auc 0.770000 is below the threshold 0.780000", below.reasons().get(0));

        assertTrue(decide(List.of(Map.of("threshold", 0.78)), 0.78, ObjectiveType.Maximize, null).passed());
    }

    @Test
    void aMinimizedObjectivePassesBelowTheThreshold() throws Exception {
        assertTrue(decide(List.of(Map.of("threshold", 0.2, "criticality", "FAILURE")), 0.1, ObjectiveType.Minimize, null).passed());
        GateDecision above = decide(List.of(Map.of("threshold", 0.2, "criticality", "FAILURE")), 0.3, ObjectiveType.Minimize, null);
        assertEquals(GateDecision.Outcome.FAILURE, above.outcome());
        assertTrue(above.reasons().get(0).contains("above the threshold"), above.reasons().toString());
    }

    @Test
    void worseThanTheLastSuccessfulBuildFailsUnlessWithinTheTolerance() throws Exception {
        List<Map<String, ?>> gate = List.of(Map.of("baseline", "lastSuccessful", "criticality", "FAILURE"));
        GateDecision worse = decide(gate, 0.80, ObjectiveType.Maximize, 0.81);
        assertEquals(GateDecision.Outcome.FAILURE, worse.outcome());
        assertEquals("FAILURE: best validation:auc 0.800000 is worse than 0.810000 of build #41", worse.reasons().get(0));

        assertTrue(decide(List.of(Map.of("baseline", "lastSuccessful", "tolerance", 0.02)), 0.80, ObjectiveType.Maximize, 0.81).passed());
        assertTrue(decide(gate, 0.80, ObjectiveType.Maximize, null).passed(), "the first build has nothing to compare with");
        assertEquals(GateDecision.Outcome.FAILURE, decide(gate, 0.30, ObjectiveType.Minimize, 0.25).outcome());
    }

    @Test
    void theWorstGateWinsAndEveryReasonIsKept() throws Exception {
        GateDecision decision = decide(List.of(Map.of("threshold", 0.9), Map.of("baseline", "lastSuccessful", "criticality", "FAILURE")),
                0.8, ObjectiveType.Maximize, 0.85);
        assertEquals(GateDecision.Outcome.FAILURE, decision.outcome());
        assertEquals(2, decision.reasons().size());
    }

    @Test
    void aTuningJobWithoutABestTrainingJobFailsEveryGate() throws Exception {
        GateDecision decision = decide(List.of(Map.of("threshold", 0.5)), null, ObjectiveType.Maximize, null);
        assertEquals(GateDecision.Outcome.UNSTABLE, decision.outcome());
        assertTrue(decision.reasons().get(0).contains("ended Failed without a best training job: no training job produced the objective"),
                decision.reasons().toString());
        assertTrue(decide(List.of(), null, ObjectiveType.Maximize, null).passed(), "no gates, nothing to fail");
    }

    @Test
    void badGatesAreNamedByTheirPlace() {
        ConfigException e = assertThrows(ConfigException.class, () -> QualityGate.fromArguments(List.of(
                Map.of("threshold", "high"), Map.of("baseline", "lastStable"), Map.of("criticality", "WARNING", "threshold", 1),
                Map.of(), Map.of("threshold", 1, "baseline", "lastSuccessful"), Map.of("threshold", 1, "unstable", true))));
        String message = e.getMessage();
        for (String path : List.of("qualityGates[0].threshold", "qualityGates[1].baseline", "qualityGates[2].criticality",
                "qualityGates[3]", "qualityGates[4]", "qualityGates[5].unstable")) {
            assertTrue(message.contains(path + ": "), message);
        }
    }
}
