package dev.hpo.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Which completion criterion ended a tuning job, with SageMaker's TuningJobCompletionDetails fields
 * where that criterion has one.
 *
 * @param criterion the field path of the criterion, e.g. {@code TuningJobCompletionCriteria.TargetObjectiveMetricValue}
 * @param numberOfTrainingJobsObjectiveNotImproving how many training jobs in a row did not improve the best one
 * @param convergenceDetectedTime when convergence was detected (ConvergenceDetected only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionDetails(String criterion, Integer numberOfTrainingJobsObjectiveNotImproving,
                                Instant convergenceDetectedTime) {
}
