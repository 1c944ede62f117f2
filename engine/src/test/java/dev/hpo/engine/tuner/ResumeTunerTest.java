package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTunerTest {
    private static final List<String> CASES = List.of("0.6", "0.5", "0.4", "0.3", "0.2", "0.1");

    @TempDir
    Path work;

    private static SimulatedLauncher printing() {
        return new SimulatedLauncher(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
    }

    @Test
    void aStoppedTuningJobResumesByRerunningTheJobsTheStopCutShort() throws Exception {
        SimulatedLauncher first = new SimulatedLauncher(hp -> hp.get("case").equals("0.3")
                ? SimulatedLauncher.Script.hanging("loss=0.9") : SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
        SimulatedTuning tuning = new SimulatedTuning(CASES);
        Tuner tuner = tuning.tuner(work, first);
        Thread stopper = new Thread(() -> {
            try {
                DirectoryStore store = new DirectoryStore(work);
                while (store.trainingJobs().size() < 4) {
                    Thread.sleep(5);
                }
            } catch (Exception ignored) {
                // the tuner's own assertions below tell
            }
            tuner.requestStop();
        });
        stopper.start();
        TuningJob stopped = tuner.run();
        stopper.join();
        assertEquals(TuningJobStatus.Stopped, stopped.status());
        DirectoryStore store = new DirectoryStore(work);
        List<TrainingJob> before = store.trainingJobs();
        assertEquals(4, before.size());
        assertEquals(TrainingJobStatus.Stopped, before.get(3).status());

        SimulatedLauncher second = printing();
        TuningJob resumed = tuning.tuner(work, second).resume();

        assertEquals(TuningJobStatus.Completed, resumed.status());
        assertEquals(3, second.launched(), "the stopped job again, then the two never started");
        List<TrainingJob> after = store.trainingJobs();
        assertEquals(6, after.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(before.get(i), after.get(i), "kept exactly as recorded");
        }
        assertEquals(before.get(3).name(), after.get(3).name());
        assertEquals(0.3, after.get(3).finalObjective());
        assertEquals(0.1, resumed.bestTrainingJob().finalObjective());
        assertEquals(stopped.creationTime(), resumed.creationTime());
        assertEquals(stopped.randomSeed(), resumed.randomSeed());
    }

    @Test
    void resumeRefusesAnotherConfigAndAnEndedJob() throws Exception {
        new SimulatedTuning(CASES).tuner(work, printing()).run();
        IllegalStateException ended = assertThrows(IllegalStateException.class,
                () -> new SimulatedTuning(CASES).tuner(work, printing()).resume());
        assertTrue(ended.getMessage().contains("has already ended (Completed)"), ended.getMessage());

        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> new SimulatedTuning(List.of("0.6", "0.5")).tuner(work, printing()).resume());
        assertTrue(other.getMessage().contains("config differs"), other.getMessage());

        Path empty = Files.createDirectories(work.resolve("empty"));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> new SimulatedTuning(CASES).tuner(empty, printing()).resume());
        assertTrue(none.getMessage().contains("no tuning job to resume"), none.getMessage());
    }
}
