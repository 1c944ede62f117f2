package dev.hpo.engine.tuner;

import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

import java.time.Instant;

/**
 * How a tuning job's record ends once its loop is over: Stopped when a stop was requested, Failed
 * (with the first training job's failure quoted) when no training job produced the objective, else
 * Completed, with the completion criterion's details when one ended it.
 */
final class TuningJobEnd {
    private TuningJobEnd() {
    }

    /**
     * @param reason     why the loop ended (a limit, a criterion, the strategy being done); replaced when stopped on request
     * @param completion the criterion that ended the loop, or null
     */
    static TuningJob of(TuningJob state, boolean stopRequested, String reason, Completion completion, TrainingJobBook jobs,
                        String objectiveName, Instant now) {
        TuningJobStatus status;
        String failure = null;
        if (stopRequested) {
            status = TuningJobStatus.Stopped;
            reason = "stopped on request";
        } else if (state.bestTrainingJob() == null) {
            status = TuningJobStatus.Failed;
            failure = failureReason(jobs, objectiveName);
        } else {
            status = TuningJobStatus.Completed;
        }
        TuningJob ended = state.ended(status, reason, failure, now);
        if (completion != null && !stopRequested) {
            ended = ended.withCompletionDetails(completion.details());
        }
        return ended;
    }

    private static String failureReason(TrainingJobBook jobs, String objectiveName) {
        if (jobs.isEmpty()) {
            return "no training job was started";
        }
        TrainingJob first = jobs.values().stream().filter(j -> j.failureReason() != null).findFirst().orElse(null);
        return "no training job produced the objective metric " + objectiveName + " (" + jobs.size()
                + " tried)" + (first == null ? "" : "; the first failure: " + first.name() + ": " + first.failureReason());
    }
}
