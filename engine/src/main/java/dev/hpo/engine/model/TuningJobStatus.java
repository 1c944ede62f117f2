package dev.hpo.engine.model;

/** SageMaker's HyperParameterTuningJobStatus (without the cloud-only Deleting states). */
public enum TuningJobStatus {
    InProgress, Completed, Failed, Stopping, Stopped;

    public boolean terminal() {
        return this == Completed || this == Failed || this == Stopped;
    }
}
