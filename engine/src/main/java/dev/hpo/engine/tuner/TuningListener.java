package dev.hpo.engine.tuner;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

/** Follows a tuning job as it runs: the command line's progress display, the Jenkins console. */
public interface TuningListener {

    default void trainingJobStarted(TuningJob state, TrainingJob job) {
    }

    default void trainingJobEnded(TuningJob state, TrainingJob job) {
    }

    /**
     * An attempt failed and RetryStrategy runs the job again: {@code failedAttempt} is recorded awaiting
     * its retry (counted as RetryableError in {@code state}); the next attempt starts unless a stop came first.
     */
    default void trainingJobRetrying(TuningJob state, TrainingJob failedAttempt) {
    }

    /** Running training jobs' records were just rewritten with their intermediate values so far. */
    default void progressSaved(TuningJob state) {
    }

    /** Called about once a second while training jobs run, for displays that show elapsed time. */
    default void tick(TuningJob state, int running) {
    }

    default void ended(TuningJob state) {
    }

    TuningListener NONE = new TuningListener() {
    };
}
