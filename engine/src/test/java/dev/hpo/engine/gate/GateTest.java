package dev.hpo.engine.gate;

import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.validation.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One gate model for {@code hpo gate} (one rule, promote or not) and the Jenkins quality gates (several, with criticality). */
class GateTest {
    private static final TuningJob AUC = TuningJobs.finished("auc-job", TuningJobStatus.Completed, "Maximize", "validation:auc", 0.8);
    private static final TuningJob LOSS = TuningJobs.finished("loss-job", TuningJobStatus.Completed, "Minimize", "validation:logloss", 0.3);
    private static final Baseline BUILD_41_AUC = new Baseline("build #41", "validation:auc", "Maximize", 0.81);

    @Test
    void thresholdsPassAtTheBoundAndFailBeyondItInTheObjectivesDirection() {
        assertTrue(Gate.check(AUC, GateRule.Threshold.atLeast(0.8)).passed());
        Verdict below = Gate.check(AUC, GateRule.Threshold.atLeast(0.81));
        assertFalse(below.passed());
        assertEquals("best validation:auc 0.800000 of training job auc-job-007-abcd is below the required 0.810000", below.reason());
        assertTrue(Gate.check(LOSS, GateRule.Threshold.atMost(0.3)).passed());
        assertFalse(Gate.check(LOSS, GateRule.Threshold.atMost(0.29)).passed());

        // a threshold written without a direction (the Jenkins option) follows the objective
        assertTrue(Gate.check(LOSS, new GateRule.Threshold(0.3, null)).passed());
        Verdict above = Gate.check(LOSS, new GateRule.Threshold(0.2, null));
        assertTrue(above.reason().endsWith("is above the allowed 0.200000"), above.reason());
    }

    @Test
    void aThresholdThatPointsTheWrongWayIsRefusedNotApplied() {
        Verdict verdict = Gate.check(LOSS, GateRule.Threshold.atLeast(0.1));
        assertFalse(verdict.passed());
        assertTrue(verdict.reason().contains("use --objective-at-most"), verdict.reason());
        assertFalse(Gate.check(AUC, GateRule.Threshold.atMost(0.9)).passed());
    }

    @Test
    void onlyACompletedJobWithABestTrainingJobPassesAnyRule() {
        TuningJob failed = TuningJobs.finished("f", TuningJobStatus.Failed, "Maximize", "validation:auc", null);
        assertEquals("tuning job f is Failed, not Completed: no training job produced the objective",
                Gate.check(failed, GateRule.Threshold.atLeast(0)).reason());
        TuningJob running = TuningJobs.finished("r", TuningJobStatus.InProgress, "Maximize", "validation:auc", 0.99);
        assertFalse(Gate.check(running, GateRule.Threshold.atLeast(0)).passed());
        TuningJob stopped = TuningJobs.finished("s", TuningJobStatus.Stopped, "Maximize", "validation:auc", 0.99);
        assertFalse(Gate.check(stopped, new GateRule.NothingToCompare("first build")).passed());
    }

    @Test
    void betterThanNeedsAStrictImprovementAndNoWorseThanLetsEqualAndTheTolerancePass() {
        Baseline current = new Baseline("promoted model /models/current", "validation:auc", "Maximize", 0.79);
        Baseline same = new Baseline("promoted model /models/current", "validation:auc", "Maximize", 0.8);
        assertTrue(Gate.check(AUC, new GateRule.BetterThan(current)).passed());
        assertFalse(Gate.check(AUC, new GateRule.BetterThan(same)).passed(), "an equal model is not worth replacing the one in use");
        assertTrue(Gate.check(AUC, new GateRule.NoWorseThan(same, 0)).passed(), "a rerun that finds the same best has not regressed");

        Verdict worse = Gate.check(AUC, new GateRule.NoWorseThan(BUILD_41_AUC, 0));
        assertEquals("best validation:auc 0.800000 of training job auc-job-007-abcd is worse than 0.810000 of build #41", worse.reason());
        assertTrue(Gate.check(AUC, new GateRule.NoWorseThan(BUILD_41_AUC, 0.02)).passed());
        assertFalse(Gate.check(AUC, new GateRule.NoWorseThan(BUILD_41_AUC, 0.005)).passed());

        Baseline lossBaseline = new Baseline("promoted model /m", "validation:logloss", "Minimize", 0.35);
        assertTrue(Gate.check(LOSS, new GateRule.BetterThan(lossBaseline)).passed());
        assertFalse(Gate.check(LOSS, new GateRule.NoWorseThan(new Baseline("build #41", "validation:logloss", "Minimize", 0.25), 0)).passed());
        Verdict other = Gate.check(AUC, new GateRule.BetterThan(lossBaseline));
        assertFalse(other.passed());
        assertTrue(other.reason().startsWith("cannot compare"), other.reason());
    }

    @Test
    void aBaselineIsReadFromATuningJobDirectory(@TempDir Path directory) throws IOException {
        new DirectoryStore(directory).save(AUC);
        Baseline baseline = Baseline.read(directory);
        assertEquals(new Baseline("tuning job auc-job", "validation:auc", "Maximize", 0.8), baseline);
        IOException e = assertThrows(IOException.class, () -> Baseline.read(directory.resolve("nothing")));
        assertTrue(e.getMessage().contains("neither a promoted model"), e.getMessage());
    }

    private static GateDecision gates(List<Map<String, ?>> arguments, TuningJob job, Baseline lastSuccessful) throws ConfigException {
        return QualityGates.evaluate(QualityGate.fromArguments(arguments), job, lastSuccessful);
    }

    @Test
    void aFailedQualityGateMakesTheBuildUnstableByDefaultOrWhatItsCriticalitySays() throws Exception {
        GateDecision below = gates(List.of(Map.of("threshold", 0.81)), AUC, null);
        assertEquals(GateDecision.Outcome.UNSTABLE, below.outcome());
        assertEquals("UNSTABLE: best validation:auc 0.800000 of training job auc-job-007-abcd is below the required 0.810000",
                below.reasons().get(0));
        assertTrue(gates(List.of(Map.of("threshold", 0.8)), AUC, null).passed());
        assertEquals(GateDecision.Outcome.FAILURE, gates(List.of(Map.of("threshold", 0.2, "criticality", "FAILURE")), LOSS, null).outcome());
    }

    @Test
    void theBaselineGateComparesWithTheLastSuccessfulBuildAndTheFirstBuildPasses() throws Exception {
        List<Map<String, ?>> gate = List.of(Map.of("baseline", "lastSuccessful", "criticality", "FAILURE"));
        GateDecision worse = gates(gate, AUC, BUILD_41_AUC);
        assertEquals(GateDecision.Outcome.FAILURE, worse.outcome());
        assertTrue(worse.reasons().get(0).startsWith("FAILURE: best validation:auc 0.800000"), worse.reasons().toString());
        assertTrue(gates(List.of(Map.of("baseline", "lastSuccessful", "tolerance", 0.02)), AUC, BUILD_41_AUC).passed());
        GateDecision first = gates(gate, AUC, null);
        assertTrue(first.passed());
        assertTrue(first.reasons().get(0).contains("no earlier successful build"), first.reasons().toString());
    }

    @Test
    void theWorstGateWinsAndEveryReasonIsKept() throws Exception {
        GateDecision decision = gates(List.of(Map.of("threshold", 0.9), Map.of("baseline", "lastSuccessful", "criticality", "FAILURE")),
                AUC, new Baseline("build #41", "validation:auc", "Maximize", 0.85));
        assertEquals(GateDecision.Outcome.FAILURE, decision.outcome());
        assertEquals(2, decision.reasons().size());
        assertTrue(gates(List.of(), TuningJobs.finished("f", TuningJobStatus.Failed, "Maximize", "validation:auc", null), null).passed(),
                "no gates, nothing to fail");
    }

    @Test
    void aTuningJobWithoutABestTrainingJobFailsEveryQualityGate() throws Exception {
        TuningJob failed = TuningJobs.finished("f", TuningJobStatus.Failed, "Maximize", "validation:auc", null);
        GateDecision decision = gates(List.of(Map.of("threshold", 0.5), Map.of("baseline", "lastSuccessful")), failed, null);
        assertEquals(GateDecision.Outcome.UNSTABLE, decision.outcome());
        assertEquals(List.of("UNSTABLE: tuning job f is Failed, not Completed: no training job produced the objective",
                "UNSTABLE: tuning job f is Failed, not Completed: no training job produced the objective"), decision.reasons());
    }

    @Test
    void badQualityGatesAreNamedByTheirPlace() {
        ConfigException e = assertThrows(ConfigException.class, () -> QualityGate.fromArguments(List.of(
                Map.of("threshold", "high"), Map.of("baseline", "lastStable"), Map.of("criticality", "WARNING", "threshold", 1),
                Map.of(), Map.of("threshold", 1, "baseline", "lastSuccessful"), Map.of("threshold", 1, "unstable", true),
                Map.of("baseline", "lastSuccessful", "tolerance", -0.1))));
        String message = e.getMessage();
        for (String path : List.of("qualityGates[0].threshold", "qualityGates[1].baseline", "qualityGates[2].criticality",
                "qualityGates[3]", "qualityGates[4]", "qualityGates[5].unstable", "qualityGates[6].tolerance")) {
            assertTrue(message.contains(path + ": "), message);
        }
    }
}
