package dev.hpo.engine.config;

/** HyperParameterTuningJobConfig.Strategy, with SageMaker's names. */
public enum StrategyName {
    Bayesian, Random, Hyperband, Grid
}
