package dev.hpo.cli.faults;

import static dev.hpo.cli.faults.StoreProbe.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.tuner.TunerlessStop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpo stop} on a tuning job whose tuner was killed with kill -9: nobody is left to hear a stop
 * request, so the stop itself ends the leftover processes and records the ends the tuner could not.
 */
class StopAfterTunerDiedTest {
    /** The reason a user's stop gives a training job; resume re-runs jobs that carry it. */
    private static final String STOPPED_BY_REQUEST = "stopped because the tuning job was stopped";

    @TempDir
    Path work;

    @AfterEach
    void endLeftovers() throws Exception {
        Leftovers.endAllUnder(work);
    }

    @Test
    void stopEndsEveryLeftoverProcessAndRecordsTheJobsStopped() throws Exception {
        Path config = new FaultConfig("dead", "Random", 4, 2).continuous("x", 0, 1).statics(Map.of("mode", "spawn")).write(work);
        Path jobDirectory = work.resolve("out").resolve("dead");
        HpoProcess tuner = HpoProcess.start(work.resolve("tune.out"), "256m", "tune", config.toString(), "--output", work.resolve("out").toString());
        StoreProbe store = new StoreProbe(jobDirectory);
        store.awaitSpawnedChildren(2, tuner);
        tuner.kill9();
        List<Long> pids = store.notedProcesses();
        assertTrue(StoreProbe.stillRunning(pids).size() >= 2 * StoreProbe.SPAWNED_PROCESSES_PER_JOB, "the jobs outlive their killed tuner: " + pids);
        assertEquals(TuningJobStatus.InProgress, store.tuningJob().status());

        int stop = HpoProcess.run(work.resolve("stop.out"), 60, "stop", jobDirectory.toString());
        assertEquals(0, stop, Files.readString(work.resolve("stop.out")));
        assertTrue(Files.readString(work.resolve("stop.out")).contains("it had died"), Files.readString(work.resolve("stop.out")));

        assertEquals(List.of(), StoreProbe.stillRunning(pids), "processes that survived the stop");
        TuningJob stopped = store.tuningJob();
        assertEquals(TuningJobStatus.Stopped, stopped.status());
        assertEquals(TunerlessStop.REASON, stopped.completionReason());
        assertNotNull(stopped.endTime());
        assertEquals(2, stopped.counters().stopped());
        assertEquals(0, stopped.counters().inProgress());
        for (TrainingJob job : store.trainingJobs()) {
            assertEquals(TrainingJobStatus.Stopped, job.status(), job.name());
            assertEquals(STOPPED_BY_REQUEST, job.failureReason(), job.name());
            assertNotNull(job.trainingEndTime(), job.name());
        }
        assertTrue(Files.readString(jobDirectory.resolve("result.json")).contains("\"Stopped\""));

        assertEquals(0, HpoProcess.run(work.resolve("describe.out"), 60, "describe", jobDirectory.toString()));
        assertTrue(Files.readString(work.resolve("describe.out")).contains("Stopped"), Files.readString(work.resolve("describe.out")));

        int again = HpoProcess.run(work.resolve("again.out"), 60, "stop", jobDirectory.toString());
        assertEquals(0, again, "nothing to do is not an error");
        assertTrue(Files.readString(work.resolve("again.out")).contains("has already ended (Stopped); nothing to stop"),
                Files.readString(work.resolve("again.out")));
    }

    @Test
    void aTuningJobStoppedAfterItsTunerDiedResumesToTheFullCount() throws Exception {
        int jobs = 4;
        Path config = new FaultConfig("revive", "Random", jobs, 2).continuous("x", 0, 1)
                .statics(Map.of("mode", "epochs", "epochs", "4", "delay", "0.3")).write(work);
        Path output = work.resolve("out");
        Path jobDirectory = output.resolve("revive");
        HpoProcess tuner = HpoProcess.start(work.resolve("tune.out"), "256m", "tune", config.toString(), "--output", output.toString());
        StoreProbe store = new StoreProbe(jobDirectory);
        store.await("a completed training job and a running one", 60, tuner,
                quietly(s -> s.count(TrainingJobStatus.Completed) >= 1 && s.count(TrainingJobStatus.InProgress) >= 1));
        tuner.kill9();
        long completedBefore = store.count(TrainingJobStatus.Completed);

        assertEquals(0, HpoProcess.run(work.resolve("stop.out"), 60, "stop", jobDirectory.toString()), Files.readString(work.resolve("stop.out")));
        assertEquals(TuningJobStatus.Stopped, store.tuningJob().status());
        assertEquals(completedBefore, store.tuningJob().counters().completed(), "counters recomputed from the records");
        assertTrue(store.count(TrainingJobStatus.Stopped) >= 1);

        // as after any stop: the jobs the stop cut short run again and the tuning job ends with its full count
        int resumed = HpoProcess.run(work.resolve("resume.out"), 120, "tune", config.toString(), "--output", output.toString(), "--resume");
        assertEquals(0, resumed, Files.readString(work.resolve("resume.out")));
        List<TrainingJob> after = store.trainingJobs();
        assertEquals(List.of(0, 1, 2, 3), after.stream().map(TrainingJob::index).sorted().toList(), "each index exactly once");
        for (TrainingJob job : after) {
            assertEquals(TrainingJobStatus.Completed, job.status(), job.name());
        }
        assertEquals(TuningJobStatus.Completed, store.tuningJob().status());
        assertEquals(jobs, store.tuningJob().counters().completed());
    }
}
