package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ListTrainingJobsForHyperParameterTuningJob: filter by status, sort, and page, with SageMaker's rule
 * that sorting by the objective leaves out jobs that never reported it.
 */
public final class TrainingJobListing {
    public enum SortBy { Name, CreationTime, Status, FinalObjectiveMetricValue }

    public enum SortOrder { Ascending, Descending }

    private TrainingJobListing() {
    }

    public static List<TrainingJob> select(List<TrainingJob> jobs, TrainingJobStatus statusEquals, SortBy sortBy,
                                           SortOrder order, int maxResults) {
        List<TrainingJob> selected = new ArrayList<>();
        for (TrainingJob job : jobs) {
            if (statusEquals != null && job.status() != statusEquals) {
                continue;
            }
            if (sortBy == SortBy.FinalObjectiveMetricValue && !job.hasObjective()) {
                continue;
            }
            selected.add(job);
        }
        Comparator<TrainingJob> comparator = switch (sortBy) {
            case Name -> Comparator.comparing(TrainingJob::name);
            case CreationTime -> Comparator.comparing(TrainingJob::creationTime).thenComparing(TrainingJob::index);
            case Status -> Comparator.comparing((TrainingJob j) -> j.status().name()).thenComparing(TrainingJob::name);
            case FinalObjectiveMetricValue -> Comparator.comparingDouble(TrainingJob::finalObjective).thenComparing(TrainingJob::name);
        };
        if (order == SortOrder.Descending) {
            comparator = comparator.reversed();
        }
        selected.sort(comparator);
        return maxResults > 0 && selected.size() > maxResults ? selected.subList(0, maxResults) : selected;
    }

    public static ObjectNode response(TuningJob tuningJob, List<TrainingJob> selected) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode summaries = node.putArray("TrainingJobSummaries");
        JsonNode objective = tuningJob.request() == null ? null
                : tuningJob.request().path("HyperParameterTuningJobConfig").get("HyperParameterTuningJobObjective");
        for (TrainingJob job : selected) {
            ObjectNode summary = TrainingJobSummary.of(job, tuningJob.name(), objective);
            EarlyStopReason.of(job, tuningJob).ifPresent(reason -> summary.put(EarlyStopReason.FIELD, reason));
            MaxResourceEnd.of(job, tuningJob).ifPresent(reason -> summary.put(MaxResourceEnd.FIELD, reason));
            summaries.add(summary);
        }
        return node;
    }

    public static ObjectiveType objectiveType(TuningJob tuningJob) {
        String type = tuningJob.request() == null ? "Maximize"
                : tuningJob.request().path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective").path("Type").asText("Maximize");
        return "Minimize".equals(type) ? ObjectiveType.Minimize : ObjectiveType.Maximize;
    }
}
