package dev.hpo.engine.config;

/** The metric a tuning job optimises: HyperParameterTuningJobObjective. */
public record Objective(String metricName, ObjectiveType type) {
}
