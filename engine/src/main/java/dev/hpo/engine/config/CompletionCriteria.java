package dev.hpo.engine.config;

/**
 * HyperParameterTuningJobConfig.TuningJobCompletionCriteria as given; each part is absent (null or
 * false) unless the user set it.
 *
 * @param targetObjectiveMetricValue TargetObjectiveMetricValue
 * @param maxNumberOfTrainingJobsNotImproving BestObjectiveNotImproving.MaxNumberOfTrainingJobsNotImproving
 * @param completeOnConvergence ConvergenceDetected.CompleteOnConvergence is Enabled
 */
public record CompletionCriteria(Double targetObjectiveMetricValue, Integer maxNumberOfTrainingJobsNotImproving,
                                 boolean completeOnConvergence) {
    public static final CompletionCriteria NONE = new CompletionCriteria(null, null, false);
}
