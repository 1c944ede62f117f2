package dev.hpo.engine.gate;

import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateTest {
    private static final TuningJob AUC = TuningJobs.finished("auc-job", TuningJobStatus.Completed, "Maximize", "validation:auc", 0.8);
    private static final TuningJob LOSS = TuningJobs.finished("loss-job", TuningJobStatus.Completed, "Minimize", "validation:logloss", 0.3);

    @Test
    void thresholdsPassAtTheBoundAndFailBeyondIt() {
        assertTrue(Gate.decide(AUC, new GateRule.AtLeast(0.8)).promote());
        GateDecision below = Gate.decide(AUC, new GateRule.AtLeast(0.81));
        assertFalse(below.promote());
        assertEquals("best training job auc-job-007-abcd has validation:auc = 0.8, below the required 0.81", below.reason());
        assertTrue(Gate.decide(LOSS, new GateRule.AtMost(0.3)).promote());
        assertFalse(Gate.decide(LOSS, new GateRule.AtMost(0.29)).promote());
    }

    @Test
    void aThresholdThatPointsTheWrongWayIsRefusedNotApplied() {
        GateDecision decision = Gate.decide(LOSS, new GateRule.AtLeast(0.1));
        assertFalse(decision.promote());
        assertTrue(decision.reason().contains("use --objective-at-most"), decision.reason());
        assertFalse(Gate.decide(AUC, new GateRule.AtMost(0.9)).promote());
    }

    @Test
    void onlyACompletedJobWithABestTrainingJobIsPromoted() {
        TuningJob failed = TuningJobs.finished("f", TuningJobStatus.Failed, "Maximize", "validation:auc", null);
        assertEquals("tuning job f is Failed, not Completed: no training job produced the objective",
                Gate.decide(failed, new GateRule.AtLeast(0)).reason());
        TuningJob running = TuningJobs.finished("r", TuningJobStatus.InProgress, "Maximize", "validation:auc", 0.99);
        assertFalse(Gate.decide(running, new GateRule.AtLeast(0)).promote());
    }

    @Test
    void betterThanNeedsAStrictImprovementOnTheSameObjective() {
        Baseline current = new Baseline("promoted model /models/current", "validation:auc", "Maximize", 0.79);
        assertTrue(Gate.decide(AUC, new GateRule.BetterThan(current)).promote());
        Baseline same = new Baseline("promoted model /models/current", "validation:auc", "Maximize", 0.8);
        assertFalse(Gate.decide(AUC, new GateRule.BetterThan(same)).promote());
        Baseline lossBaseline = new Baseline("promoted model /m", "validation:logloss", "Minimize", 0.35);
        assertTrue(Gate.decide(LOSS, new GateRule.BetterThan(lossBaseline)).promote());
        GateDecision other = Gate.decide(AUC, new GateRule.BetterThan(lossBaseline));
        assertFalse(other.promote());
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
}
