package dev.hpo.engine.tuner;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RetryStrategy.MaximumRetryAttempts under StoppingCondition.MaxRuntimeInSeconds: whether a failed
 * attempt of a training job runs again. In SageMaker the runtime limit covers every attempt of a job
 * together, so the deadline is set once, when the first attempt starts, and no retry starts after it.
 */
final class RetryPolicy {
    private final int maxRetryAttempts;
    private final long maxRuntimeSeconds;
    private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();

    /** @param maxRuntimeSeconds a job's MaxRuntimeInSeconds, 0 or less for none */
    RetryPolicy(int maxRetryAttempts, long maxRuntimeSeconds) {
        this.maxRetryAttempts = maxRetryAttempts;
        this.maxRuntimeSeconds = maxRuntimeSeconds;
    }

    /**
     * The job's first attempt starts at {@code now}: its one deadline for all attempts begins.
     *
     * @return how long all its attempts have together, empty when the runtime is not limited
     */
    Optional<Duration> firstAttemptStarts(String name, Instant now) {
        if (maxRuntimeSeconds <= 0) {
            return Optional.empty();
        }
        deadlines.put(name, now.plusSeconds(maxRuntimeSeconds));
        return Optional.of(Duration.ofSeconds(maxRuntimeSeconds));
    }

    /**
     * Whether {@code failed} runs again: it failed on its own (its process exited non-zero or could not
     * start, not stopped by the tuner) while attempts and time remain. A job that exits 0 without the
     * objective is not retried: the same script prints the same log again.
     *
     * @param processFailed the process exited non-zero, or could not be started, and the tuner had not stopped it
     */
    boolean retries(TrainingJob failed, boolean processFailed, Instant now) {
        if (!processFailed || failed.status() != TrainingJobStatus.Failed || failed.attemptCount() > maxRetryAttempts) {
            return false;
        }
        Instant deadline = deadlines.get(failed.name());
        return deadline == null || now.isBefore(deadline);
    }

    /** What the job's log gains between a failed attempt and the next, so a reader tells the attempts apart. */
    String attemptNote(TrainingJob failed) {
        int attempt = failed.attemptCount();
        return "[hpo] attempt " + attempt + " failed: " + failed.failureReason() + "\n[hpo] attempt "
                + (attempt + 1) + " of " + (maxRetryAttempts + 1) + " (RetryStrategy.MaximumRetryAttempts)\n";
    }

    /** The job has its final record: no attempt of it starts again, and its deadline is not needed. */
    void ended(String name) {
        deadlines.remove(name);
    }
}
