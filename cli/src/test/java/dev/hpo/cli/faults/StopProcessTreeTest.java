package dev.hpo.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a tuning job whose training scripts spawn children (one ignores SIGTERM, one is a grandchild
 * behind a shell, one an orphan whose parent already exited) and proves that no process survives, whether the stop comes from {@code hpo stop}
 * or from Ctrl-C on {@code hpo tune}.
 */
class StopProcessTreeTest {
    @TempDir
    Path work;

    @AfterEach
    void endLeftovers() throws Exception {
        Leftovers.endAllUnder(work);
    }

    @Test
    void hpoStopEndsEveryProcessOfEveryJob() throws Exception {
        Path jobDirectory = work.resolve("out").resolve("stop");
        HpoProcess tuner = startSpawningJobs("stop");
        StoreProbe store = awaitChildren(jobDirectory, tuner);

        int stop = HpoProcess.run(work.resolve("stop.out"), 60, "stop", jobDirectory.toString(), "--wait");
        assertEquals(0, stop, Files.readString(work.resolve("stop.out")));
        assertEquals(1, tuner.waitFor(60), "a stopped tuning job is not a success");
        assertAllStopped(store);
    }

    @Test
    void ctrlCOnTuneEndsEveryProcessOfEveryJob() throws Exception {
        Path jobDirectory = work.resolve("out").resolve("ctrlc");
        HpoProcess tuner = startSpawningJobs("ctrlc");
        StoreProbe store = awaitChildren(jobDirectory, tuner);

        tuner.interrupt();
        tuner.waitFor(60);
        assertAllStopped(store);
    }

    private HpoProcess startSpawningJobs(String name) throws Exception {
        Path config = new FaultConfig(name, "Random", 4, 2).continuous("x", 0, 1).statics(Map.of("mode", "spawn")).write(work);
        return HpoProcess.start(work.resolve(name + ".out"), "256m", "tune", config.toString(), "--output", work.resolve("out").toString(),
                "--stop-grace", "1");
    }

    private static StoreProbe awaitChildren(Path jobDirectory, HpoProcess tuner) throws Exception {
        StoreProbe store = new StoreProbe(jobDirectory);
        store.awaitSpawnedChildren(2, tuner);
        return store;
    }

    private static void assertAllStopped(StoreProbe store) throws Exception {
        assertEquals(TuningJobStatus.Stopped, store.tuningJob().status());
        List<TrainingJob> jobs = store.trainingJobs();
        assertEquals(2, jobs.size(), "no training job starts after the stop");
        for (TrainingJob job : jobs) {
            assertEquals(TrainingJobStatus.Stopped, job.status(), job.name());
        }
        List<Long> pids = store.notedProcesses();
        assertTrue(pids.size() >= 2 * StoreProbe.SPAWNED_PROCESSES_PER_JOB, "the jobs noted their processes: " + pids);
        assertEquals(List.of(), StoreProbe.stillRunning(pids), "processes that survived the stop");
    }
}
