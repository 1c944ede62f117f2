package dev.hpo.engine.config;

/** HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType: Auto applies SageMaker's median rule. */
public enum EarlyStoppingType {
    Off, Auto
}
