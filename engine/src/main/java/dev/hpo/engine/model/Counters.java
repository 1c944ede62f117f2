package dev.hpo.engine.model;

import java.util.Collection;

/**
 * TrainingJobStatusCounters and ObjectiveStatusCounters together. A Failed training job is a
 * RetryableError while its RetryStrategy still owes it another attempt (the record says
 * {@link TrainingJob#awaitsRetry()}), and a NonRetryableError once it failed for good: attempts or
 * its MaxRuntimeInSeconds used up, no RetryStrategy, or a failure a retry would repeat (exit 0 without
 * the objective). docs/dependability.md says why.
 */
public record Counters(int completed, int inProgress, int retryableError, int nonRetryableError, int stopped,
                       int objectiveSucceeded, int objectivePending, int objectiveFailed) {

    public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

    public static Counters of(Collection<TrainingJob> jobs) {
        Counters counters = NONE;
        for (TrainingJob job : jobs) {
            counters = counters.replacing(null, job);
        }
        return counters;
    }

    /**
     * The counters after one job's record {@code previous} (null for a new job) became {@code current}:
     * what a tuner needs on each event without counting all jobs again.
     */
    public Counters replacing(TrainingJob previous, TrainingJob current) {
        int[] c = {completed, inProgress, retryableError, nonRetryableError, stopped, objectiveSucceeded, objectivePending, objectiveFailed};
        if (previous != null) {
            c[statusSlot(previous)]--;
            c[objectiveSlot(previous)]--;
        }
        c[statusSlot(current)]++;
        c[objectiveSlot(current)]++;
        return new Counters(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static int statusSlot(TrainingJob job) {
        return switch (job.status()) {
            case Completed -> 0;
            case InProgress, Stopping -> 1;
            case Failed -> job.awaitsRetry() ? 2 : 3;
            case Stopped -> 4;
        };
    }

    private static int objectiveSlot(TrainingJob job) {
        return switch (job.objectiveStatus()) {
            case Succeeded -> 5;
            case Pending -> 6;
            case Failed -> 7;
        };
    }

    public int total() {
        return completed + inProgress + retryableError + nonRetryableError + stopped;
    }
}
