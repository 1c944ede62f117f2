package dev.hpo.engine.completion;

import dev.hpo.engine.config.ObjectiveType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of TuningJobCompletionCriteria: decides from the objectives so far whether the tuning job is
 * done. The tuner asks every configured criterion after each training job ends (and on resume), and
 * the first that answers ends the tuning job (they are OR-ed, as in SageMaker).
 */
public interface CompletionCriterion {

    /**
     * @param objectives the final objective of every training job that produced one, in the order they ended
     * @return why the tuning job is complete, or empty to go on
     */
    Optional<Completion> check(List<Double> objectives, ObjectiveType direction, Instant now);
}
