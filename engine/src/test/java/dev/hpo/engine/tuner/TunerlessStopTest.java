package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.store.TunerLockHeldException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records a dead tuner left (two jobs ended, one cut short, stale counters), stopped without it. */
class TunerlessStopTest {
    private static final long SEED = 42;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path work;

    private final SimulatedTuning tuning = new SimulatedTuning(List.of("0.6", "0.5", "0.4", "0.3", "0.2", "0.1"));
    private final List<Path> reclaimed = new ArrayList<>();
    private final Launcher launcher = new Launcher() {
        @Override
        public LaunchedJob launch(LaunchRequest request, OutputListener listener) {
            throw new AssertionError("a stop starts no training job");
        }

        @Override
        public void reclaim(Path trainingJobDirectory) {
            reclaimed.add(trainingJobDirectory);
        }
    };
    private DirectoryStore store;
    private TrainingJob interrupted;

    @BeforeEach
    void aTunerDiedWhileTheThirdJobRan() throws Exception {
        TuningJobConfig config = tuning.config(work);
        store = new DirectoryStore(work);
        store.save(new TuningJob("sim", TuningJobStatus.InProgress, T0, null, T0, null, null, SEED, Counters.NONE, null, config.request()));
        store.save(completed(0, "0.6"));
        store.save(completed(1, "0.5"));
        interrupted = started(2, "0.4");
        store.save(interrupted);
    }

    @Test
    void endsTheInterruptedJobsAsAUsersStopWouldAndRecountsFromTheRecords() throws Exception {
        TunerlessStop.Outcome outcome = TunerlessStop.stop(store, work, launcher, Clock.systemUTC());

        assertEquals(1, outcome.trainingJobsStopped());
        assertEquals(List.of(store.trainingJobDirectory(interrupted.name())), reclaimed, "only the interrupted job's processes are ended");
        TuningJob job = store.tuningJob().orElseThrow();
        assertEquals(TuningJobStatus.Stopped, job.status());
        assertEquals(TunerlessStop.REASON, job.completionReason());
        assertNotNull(job.endTime());
        assertEquals(2, job.counters().completed());
        assertEquals(1, job.counters().stopped());
        assertEquals(0, job.counters().inProgress());
        assertEquals("0.5", job.bestTrainingJob().tunedHyperParameters().get("case"), "the best is recounted, not the stale none");
        TrainingJob stopped = store.trainingJobs().get(2);
        assertEquals(TrainingJobStatus.Stopped, stopped.status());
        assertEquals(TrainingJobOutcome.STOPPED_BY_REQUEST, stopped.failureReason());

        assertTrue(TunerlessStop.stop(store, work, launcher, Clock.systemUTC()).alreadyEnded(), "a second stop has nothing to do");
    }

    @Test
    void resumeThenRerunsTheStoppedJobAndEndsWithTheFullCount() throws Exception {
        TunerlessStop.stop(store, work, launcher, Clock.systemUTC());

        SimulatedLauncher second = new SimulatedLauncher(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
        TuningJob resumed = tuning.tuner(work, second).resume();

        assertEquals(TuningJobStatus.Completed, resumed.status());
        assertEquals(4, second.launched(), "the stopped job again, then the three never started");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), store.trainingJobs().stream().map(TrainingJob::index).sorted().toList());
        assertEquals(6, resumed.counters().completed());
        assertEquals("0.1", resumed.bestTrainingJob().tunedHyperParameters().get("case"));
    }

    @Test
    void aTunerThatHoldsTheLockKeepsTheJobAndNothingIsRewritten() throws Exception {
        try (TunerLock held = TunerLock.acquire(work)) {
            assertThrows(TunerLockHeldException.class, () -> TunerlessStop.stop(store, work, launcher, Clock.systemUTC()));
        }
        assertEquals(TuningJobStatus.InProgress, store.tuningJob().orElseThrow().status());
        assertEquals(TrainingJobStatus.InProgress, store.trainingJobs().get(2).status());
        assertEquals(List.of(), reclaimed);
    }

    private static TrainingJob started(int index, String value) {
        Map<String, String> hp = Map.of("case", value);
        return TrainingJob.started(TrainingJobNames.name("sim", index, hp, SEED), index, hp, T0.plusSeconds(index));
    }

    private static TrainingJob completed(int index, String value) {
        double loss = Double.parseDouble(value);
        return started(index, value).finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, loss, null,
                Map.of("loss", loss), Map.of("loss", List.of(loss)), T0.plusSeconds(index + 1), 0);
    }
}
