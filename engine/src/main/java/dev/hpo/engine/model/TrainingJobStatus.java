package dev.hpo.engine.model;

/** SageMaker's TrainingJobStatus. */
public enum TrainingJobStatus {
    InProgress, Completed, Failed, Stopping, Stopped;

    public boolean terminal() {
        return this == Completed || this == Failed || this == Stopped;
    }
}
