package dev.hpo.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One training job as the store keeps it. Immutable: each change of state writes a new record.
 *
 * @param index the job's place in start order (0-based); names are derived from it
 * @param finalObjective the final objective value when objectiveStatus is Succeeded
 * @param finalMetrics the final value of every metric the job emitted
 * @param series every value of every metric, in the order emitted (the intermediate values)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingJob(
        String name,
        int index,
        Map<String, String> tunedHyperParameters,
        TrainingJobStatus status,
        ObjectiveStatus objectiveStatus,
        Double finalObjective,
        String failureReason,
        Map<String, Double> finalMetrics,
        Map<String, List<Double>> series,
        Instant creationTime,
        Instant trainingStartTime,
        Instant trainingEndTime,
        Integer exitCode) {

    public static TrainingJob started(String name, int index, Map<String, String> hyperParameters, Instant now) {
        return new TrainingJob(name, index, hyperParameters, TrainingJobStatus.InProgress, ObjectiveStatus.Pending, null, null,
                Map.of(), Map.of(), now, now, null, null);
    }

    public TrainingJob finished(TrainingJobStatus status, ObjectiveStatus objectiveStatus, Double objective, String reason,
                                Map<String, Double> metrics, Map<String, List<Double>> allSeries, Instant end, Integer exit) {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, objective, reason, metrics, allSeries,
                creationTime, trainingStartTime, end, exit);
    }

    /** Seconds between start and end, or until {@code now} while the job runs. */
    public double durationSeconds(Instant now) {
        Instant end = trainingEndTime == null ? now : trainingEndTime;
        return trainingStartTime == null ? 0 : Math.max(0, end.toEpochMilli() - trainingStartTime.toEpochMilli()) / 1000.0;
    }

    public boolean hasObjective() {
        return objectiveStatus == ObjectiveStatus.Succeeded && finalObjective != null;
    }
}
