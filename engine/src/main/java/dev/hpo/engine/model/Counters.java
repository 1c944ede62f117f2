package dev.hpo.engine.model;

import java.util.Collection;

/**
 * TrainingJobStatusCounters and ObjectiveStatusCounters together. Every failure here is a client
 * error in SageMaker's terms (our own program or data), so RetryableError stays 0.
 */
public record Counters(int completed, int inProgress, int retryableError, int nonRetryableError, int stopped,
                       int objectiveSucceeded, int objectivePending, int objectiveFailed) {

    public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

    public static Counters of(Collection<TrainingJob> jobs) {
        int completed = 0, inProgress = 0, failed = 0, stopped = 0, succeeded = 0, pending = 0, objectiveFailed = 0;
        for (TrainingJob job : jobs) {
            switch (job.status()) {
                case Completed -> completed++;
                case InProgress, Stopping -> inProgress++;
                case Failed -> failed++;
                case Stopped -> stopped++;
            }
            switch (job.objectiveStatus()) {
                case Succeeded -> succeeded++;
                case Pending -> pending++;
                case Failed -> objectiveFailed++;
            }
        }
        return new Counters(completed, inProgress, 0, failed, stopped, succeeded, pending, objectiveFailed);
    }

    public int total() {
        return completed + inProgress + retryableError + nonRetryableError + stopped;
    }
}
