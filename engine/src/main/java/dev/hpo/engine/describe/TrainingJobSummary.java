package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.TrainingJob;

import java.util.Map;

/** SageMaker's HyperParameterTrainingJobSummary for one training job (BestTrainingJob, list results). */
public final class TrainingJobSummary {
    private TrainingJobSummary() {
    }

    public static ObjectNode of(TrainingJob job, String tuningJobName, JsonNode objective) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("TrainingJobName", job.name());
        node.put("TrainingJobArn", Arns.trainingJob(job.name()));
        node.put("TuningJobName", tuningJobName);
        node.put("CreationTime", job.creationTime().toString());
        if (job.trainingStartTime() != null) {
            node.put("TrainingStartTime", job.trainingStartTime().toString());
        }
        if (job.trainingEndTime() != null) {
            node.put("TrainingEndTime", job.trainingEndTime().toString());
        }
        node.put("TrainingJobStatus", job.status().name());
        ObjectNode tuned = node.putObject("TunedHyperParameters");
        for (Map.Entry<String, String> entry : job.tunedHyperParameters().entrySet()) {
            tuned.put(entry.getKey(), entry.getValue());
        }
        if (job.failureReason() != null) {
            node.put("FailureReason", job.failureReason());
        }
        if (job.hasObjective() && objective != null) {
            ObjectNode metric = node.putObject("FinalHyperParameterTuningJobObjectiveMetric");
            metric.put("Type", objective.path("Type").asText());
            metric.put("MetricName", objective.path("MetricName").asText());
            metric.put("Value", job.finalObjective());
        }
        node.put("ObjectiveStatus", job.objectiveStatus().name());
        return node;
    }
}
