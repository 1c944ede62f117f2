package dev.hpo.engine.config;

/** The metric a tuning job optimises: HyperParameterTuningJobObjective. */
public record Objective(String metricName, ObjectiveType type) {
    /** The hyperparameter SageMaker adds to every tuned training job, naming the objective metric. */
    public static final String HYPERPARAMETER = "_tuning_objective_metric";
}
