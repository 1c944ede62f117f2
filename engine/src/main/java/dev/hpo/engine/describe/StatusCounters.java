package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;

/** SageMaker's TrainingJobStatusCounters and ObjectiveStatusCounters, as describe and result.json both give them. */
final class StatusCounters {
    private StatusCounters() {
    }

    static void put(ObjectNode node, Counters counters) {
        ObjectNode training = node.putObject("TrainingJobStatusCounters");
        training.put("Completed", counters.completed());
        training.put("InProgress", counters.inProgress());
        training.put("RetryableError", counters.retryableError());
        training.put("NonRetryableError", counters.nonRetryableError());
        training.put("Stopped", counters.stopped());
        ObjectNode objectives = node.putObject("ObjectiveStatusCounters");
        objectives.put("Succeeded", counters.objectiveSucceeded());
        objectives.put("Pending", counters.objectivePending());
        objectives.put("Failed", counters.objectiveFailed());
    }
}
