package dev.hpo.engine.model;

/** Whether a training job's final objective is in: Pending while it runs, Failed when it has none. */
public enum ObjectiveStatus {
    Succeeded, Pending, Failed
}
