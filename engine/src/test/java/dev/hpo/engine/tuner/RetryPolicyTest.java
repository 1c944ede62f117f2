package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RetryStrategy's decision alone: attempts, the one deadline over all attempts, and which failures count. */
class RetryPolicyTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static TrainingJob failedAttempt(int attempt) {
        TrainingJob job = TrainingJob.started("job-1", 0, Map.of("x", "1"), T);
        if (attempt > 1) {
            job = job.retried(attempt);
        }
        return job.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, "training process exited with code 3", Map.of(),
                Map.of(), T, 3);
    }

    @Test
    void aProcessFailureIsRetriedWhileAttemptsRemain() {
        RetryPolicy policy = new RetryPolicy(2, 0);
        assertEquals(Optional.empty(), policy.firstAttemptStarts("job-1", T), "no runtime limit, no deadline");
        assertTrue(policy.retries(failedAttempt(1), true, T));
        assertTrue(policy.retries(failedAttempt(2), true, T));
        assertFalse(policy.retries(failedAttempt(3), true, T), "1 attempt + MaximumRetryAttempts 2");
    }

    @Test
    void withoutRetryStrategyNothingIsRetried() {
        assertFalse(new RetryPolicy(0, 0).retries(failedAttempt(1), true, T));
    }

    @Test
    void onlyAFailedProcessIsRetried() {
        RetryPolicy policy = new RetryPolicy(5, 0);
        assertFalse(policy.retries(failedAttempt(1), false, T), "exit 0 without the objective, or stopped by the tuner");
        TrainingJob stopped = TrainingJob.started("job-1", 0, Map.of(), T)
                .finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null, "stopped", Map.of(), Map.of(), T, 143);
        assertFalse(policy.retries(stopped, true, T));
    }

    @Test
    void theDeadlineSetAtTheFirstAttemptCoversEveryAttempt() {
        RetryPolicy policy = new RetryPolicy(30, 10);
        assertEquals(Optional.of(Duration.ofSeconds(10)), policy.firstAttemptStarts("job-1", T));
        assertTrue(policy.retries(failedAttempt(3), true, T.plusSeconds(9)));
        assertFalse(policy.retries(failedAttempt(3), true, T.plusSeconds(10)), "no attempt starts at or after the deadline");
        policy.ended("job-1");
        assertTrue(policy.retries(failedAttempt(3), true, T.plusSeconds(10)), "a job that ended has no deadline left to keep");
    }

    @Test
    void theLogNoteNamesTheFailureAndTheNextAttempt() {
        assertEquals("[hpo] attempt 2 failed: training process exited with code 3\n"
                + "[hpo] attempt 3 of 3 (RetryStrategy.MaximumRetryAttempts)\n", new RetryPolicy(2, 0).attemptNote(failedAttempt(2)));
    }
}
