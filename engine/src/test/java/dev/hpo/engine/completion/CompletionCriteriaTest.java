package dev.hpo.engine.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.ObjectiveType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionCriteriaTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void targetIsReachedWhenAnyObjectiveIsAtLeastAsGood() {
        TargetObjectiveMetricValue target = new TargetObjectiveMetricValue(0.9);
        assertTrue(target.check(List.of(0.5, 0.9), ObjectiveType.Maximize, NOW).isPresent());
        assertTrue(target.check(List.of(0.5, 0.89), ObjectiveType.Maximize, NOW).isEmpty());
        assertTrue(target.check(List.of(0.95), ObjectiveType.Minimize, NOW).isEmpty());
        assertTrue(target.check(List.of(0.85), ObjectiveType.Minimize, NOW).isPresent());
    }

    @Test
    void notImprovingCountsResetOnAOnePercentImprovement() {
        assertEquals(2, BestObjectiveNotImproving.notImprovingInARow(List.of(1.0, 1.005, 0.9), ObjectiveType.Maximize));
        assertEquals(0, BestObjectiveNotImproving.notImprovingInARow(List.of(1.0, 0.9, 1.02), ObjectiveType.Maximize));
        assertEquals(1, BestObjectiveNotImproving.notImprovingInARow(List.of(1.0, 0.98, 0.99), ObjectiveType.Minimize));
        assertEquals(3, new BestObjectiveNotImproving(3).check(List.of(1.0, 0.5, 0.5, 0.5), ObjectiveType.Maximize, NOW)
                .orElseThrow().details().numberOfTrainingJobsObjectiveNotImproving());
    }

    @Test
    void convergenceNeedsTenObjectivesAndAFlatLaterHalf() {
        ConvergenceDetected convergence = new ConvergenceDetected();
        List<Double> flat = List.of(0.5, 0.6, 0.7, 0.8, 0.80, 0.801, 0.79, 0.8, 0.802, 0.7);
        assertTrue(convergence.check(flat.subList(0, 9), ObjectiveType.Maximize, NOW).isEmpty());
        assertEquals(NOW, convergence.check(flat, ObjectiveType.Maximize, NOW).orElseThrow().details().convergenceDetectedTime());
        List<Double> climbing = List.of(0.5, 0.6, 0.7, 0.8, 0.80, 0.801, 0.79, 0.8, 0.802, 0.9);
        assertTrue(convergence.check(climbing, ObjectiveType.Maximize, NOW).isEmpty());
    }
}
