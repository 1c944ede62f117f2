package dev.hpo.engine.config;

/**
 * HyperParameterTuningJobConfig.ResourceLimits. {@code maxRuntimeSeconds} is 0 when the tuning job
 * has no wall-clock cap.
 */
public record ResourceLimits(int maxTrainingJobs, int maxParallelTrainingJobs, long maxRuntimeSeconds) {
}
