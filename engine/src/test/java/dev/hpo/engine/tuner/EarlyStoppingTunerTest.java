package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyStoppingTunerTest {
    private static final Map<String, SimulatedLauncher.Script> CURVES = Map.of(
            "a", SimulatedTuning.losses(1.0, 0.8, 0.6, 0.4, 0.2),
            "b", SimulatedTuning.losses(0.9, 0.7, 0.5, 0.3, 0.1),
            "c", SimulatedTuning.losses(1.1, 0.9, 0.7, 0.5, 0.3),
            "hopeless", SimulatedTuning.losses(2.0, 2.0, 1.9, 1.9, 1.8),
            "d", SimulatedTuning.losses(0.5, 0.4, 0.3, 0.2, 0.1));

    @TempDir
    Path work;

    @Test
    void autoStopsTheHopelessJobWhichKeepsItsLastValueAndCounts() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> CURVES.get(hp.get("case")));
        TuningJob result = new SimulatedTuning(List.of("a", "b", "c", "hopeless", "d"))
                .tuning(t -> t.put("TrainingJobEarlyStoppingType", "Auto")).tuner(work, launcher).run();

        List<TrainingJob> jobs = new DirectoryStore(work).trainingJobs();
        TrainingJob hopeless = jobs.get(3);
        assertEquals(TrainingJobStatus.Stopped, hopeless.status());
        assertTrue(hopeless.wasEarlyStopped());
        // at step 1 the earlier jobs' running averages are 0.9, 0.8 and 1.0: median 0.9, and 2.0 is worse
        assertEquals(List.of(2.0, 2.0), hopeless.series().get("loss"));
        assertEquals(ObjectiveStatus.Succeeded, hopeless.objectiveStatus(), "it still counts for the search");
        assertEquals(2.0, hopeless.finalObjective());
        assertEquals(java.util.Optional.of("stopped early at step 2 by the median stopping rule (TrainingJobEarlyStoppingType Auto)"),
                dev.hpo.engine.describe.EarlyStopReason.of(hopeless, result));
        assertTrue(dev.hpo.engine.describe.EarlyStopReason.of(jobs.get(0), result).isEmpty());
        for (int i : new int[] {0, 1, 2, 4}) {
            assertEquals(TrainingJobStatus.Completed, jobs.get(i).status(), jobs.get(i).name());
            assertFalse(jobs.get(i).wasEarlyStopped());
        }
        assertEquals(1, result.counters().stopped());
        assertEquals(5, result.counters().objectiveSucceeded());
        assertEquals(0.1, result.bestTrainingJob().finalObjective());
    }

    @Test
    void offLetsEveryJobRunToItsEnd() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> CURVES.get(hp.get("case")));
        TuningJob result = new SimulatedTuning(List.of("a", "b", "c", "hopeless", "d")).tuner(work, launcher).run();
        assertEquals(5, result.counters().completed());
        assertEquals(1.8, new DirectoryStore(work).trainingJobs().get(3).finalObjective());
    }
}
