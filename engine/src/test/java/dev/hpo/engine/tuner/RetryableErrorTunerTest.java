package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TrainingJobStatusCounters.RetryableError counts failed training jobs that RetryStrategy still owes
 * an attempt; NonRetryableError those that failed for good.
 */
class RetryableErrorTunerTest {
    @TempDir
    Path work;

    /** "flaky" fails its first attempt only, "broken" every attempt, "silent" exits 0 without the objective. */
    private static SimulatedLauncher flakyBrokenSilent() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        return new SimulatedLauncher(hp -> {
            int attempt = attempts.computeIfAbsent(hp.get("case"), k -> new AtomicInteger()).incrementAndGet();
            return switch (hp.get("case")) {
                case "flaky" -> attempt == 1 ? SimulatedLauncher.Script.of(1, "CUDA error") : SimulatedTuning.losses(0.4);
                case "broken" -> SimulatedLauncher.Script.of(1, "segfault");
                case "silent" -> SimulatedLauncher.Script.of(0, "no metric here");
                default -> SimulatedTuning.losses(Double.parseDouble(hp.get("case")));
            };
        });
    }

    private static SimulatedTuning withRetries(List<String> cases) {
        return new SimulatedTuning(cases).definition(d -> d.putObject("RetryStrategy").put("MaximumRetryAttempts", 2));
    }

    private Tuner tuner(SimulatedTuning tuning, SimulatedLauncher launcher, TuningListener listener) throws Exception {
        return new Tuner(tuning.config(work), new DirectoryStore(work), work, launcher, Map.of(), listener, Clock.systemUTC(), 2);
    }

    @Test
    void aFailedAttemptIsARetryableErrorUntilItsRetryStartsAndANonRetryableOneOnceItFailedForGood() throws Exception {
        List<String> seen = new ArrayList<>();
        TuningListener listener = new TuningListener() {
            @Override
            public void trainingJobRetrying(TuningJob state, TrainingJob failedAttempt) {
                try {
                    TuningJob onDisk = new DirectoryStore(work).tuningJob().orElseThrow();
                    TrainingJob recorded = new DirectoryStore(work).trainingJobs().stream()
                            .filter(j -> j.name().equals(failedAttempt.name())).findFirst().orElseThrow();
                    seen.add(failedAttempt.tunedHyperParameters().get("case") + " attempt " + failedAttempt.attemptCount()
                            + ": RetryableError " + state.counters().retryableError() + ", on disk " + onDisk.counters().retryableError()
                            + ", record " + recorded.status() + (recorded.awaitsRetry() ? " awaiting its retry" : ""));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        TuningJob result = tuner(withRetries(List.of("flaky", "broken", "silent")), flakyBrokenSilent(), listener).run();

        assertEquals(List.of(
                "flaky attempt 1: RetryableError 1, on disk 1, record Failed awaiting its retry",
                "broken attempt 1: RetryableError 1, on disk 1, record Failed awaiting its retry",
                "broken attempt 2: RetryableError 1, on disk 1, record Failed awaiting its retry"), seen);
        Counters counters = result.counters();
        assertEquals(0, counters.retryableError(), "every retry owed was run");
        assertEquals(2, counters.nonRetryableError(), "broken: attempts used up; silent: a retry would print the same log");
        assertEquals(1, counters.completed());
        List<TrainingJob> jobs = new DirectoryStore(work).trainingJobs();
        assertEquals(Counters.of(jobs), counters);
        for (TrainingJob job : jobs) {
            assertFalse(job.awaitsRetry(), job.name());
            assertFalse(Files.readString(work.resolve("training-jobs").resolve(job.name()).resolve("training-job.json")).contains("awaitingRetry"),
                    "a final record does not carry the field");
        }
        assertEquals(2, TuningJobDescription.of(result, Instant.now()).path("TrainingJobStatusCounters").path("NonRetryableError").asInt());
    }

    @Test
    void withoutRetryStrategyEveryFailureIsNonRetryable() throws Exception {
        TuningJob result = tuner(new SimulatedTuning(List.of("flaky", "broken")), flakyBrokenSilent(), TuningListener.NONE).run();
        assertEquals(0, result.counters().retryableError());
        assertEquals(2, result.counters().nonRetryableError());
    }

    @Test
    void aRetryOwedWhenTheTunerDiesIsCountedAndResumeRunsIt() throws Exception {
        SimulatedTuning tuning = withRetries(List.of("flaky", "0.3"));
        TuningListener dies = new TuningListener() {
            @Override
            public void trainingJobRetrying(TuningJob state, TrainingJob failedAttempt) {
                throw new IllegalStateException("the tuner dies between an attempt and its retry");
            }
        };
        assertThrows(IllegalStateException.class, () -> tuner(tuning, flakyBrokenSilent(), dies).run());
        DirectoryStore store = new DirectoryStore(work);
        TuningJob left = store.tuningJob().orElseThrow();
        assertEquals(TuningJobStatus.InProgress, left.status());
        assertEquals(1, left.counters().retryableError(), "describe of the dead tuner's job shows the retry owed");
        assertEquals(1, TuningJobDescription.of(left, Instant.now()).path("TrainingJobStatusCounters").path("RetryableError").asInt());
        TrainingJob owed = store.trainingJobs().get(0);
        assertTrue(owed.awaitsRetry());

        SimulatedLauncher second = new SimulatedLauncher(hp -> SimulatedTuning.losses(hp.get("case").equals("flaky") ? 0.4 : 0.3));
        TuningJob resumed = tuning.tuner(work, second).resume();

        assertEquals(TuningJobStatus.Completed, resumed.status());
        assertEquals(2, second.launched(), "the owed retry, then the job never started");
        assertEquals(new Counters(2, 0, 0, 0, 0, 2, 0, 0), resumed.counters());
        TrainingJob rerun = store.trainingJobs().get(0);
        assertEquals(owed.name(), rerun.name());
        assertEquals(TrainingJobStatus.Completed, rerun.status());
    }

    @Test
    void aStopBeforeTheRetryStartsLeavesItOwedAndResumeRunsIt() throws Exception {
        SimulatedTuning tuning = withRetries(List.of("flaky", "0.3"));
        AtomicInteger retrying = new AtomicInteger();
        Tuner[] tuner = new Tuner[1];
        TuningListener stopsAtTheFailure = new TuningListener() {
            @Override
            public void trainingJobRetrying(TuningJob state, TrainingJob failedAttempt) {
                retrying.incrementAndGet();
                tuner[0].requestStop();
            }
        };
        SimulatedLauncher first = flakyBrokenSilent();
        tuner[0] = tuner(tuning, first, stopsAtTheFailure);
        TuningJob stopped = tuner[0].run();

        assertEquals(TuningJobStatus.Stopped, stopped.status());
        assertEquals(1, first.launched(), "the stop won: the retry did not start");
        assertEquals(1, retrying.get());
        assertEquals(1, stopped.counters().retryableError());
        assertEquals(0, stopped.counters().nonRetryableError());

        TuningJob resumed = tuning.tuner(work, flakyBrokenSilent()).resume();
        assertEquals(TuningJobStatus.Completed, resumed.status());
        assertEquals(0, resumed.counters().retryableError());
        assertEquals(2, resumed.counters().completed(), "the resumed run's first attempt of 'flaky' fails and is retried at once");
    }
}
