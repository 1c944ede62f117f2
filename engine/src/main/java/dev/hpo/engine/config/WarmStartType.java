package dev.hpo.engine.config;

/** WarmStartConfig.WarmStartType, with SageMaker's names. */
public enum WarmStartType {
    /** Same data and algorithm as the parents: their objective values are directly comparable. */
    IdenticalDataAndAlgorithm,
    /** Data or algorithm may have changed: the parents' results are a hint, not ground truth. */
    TransferLearning
}
