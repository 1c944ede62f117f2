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
 * @param earlyStopped true when early stopping ended the job (it is Stopped, yet its objective counts)
 * @param attempts how many times the process was started (more than 1 with RetryStrategy)
 * @param warnings what went wrong while scraping metrics (a regex cut off, a capture that was not a number); null if nothing
 * @param awaitingRetry true on a Failed record whose RetryStrategy runs it again: the next attempt has not started yet
 *                      (the tuner starts it at once; after a stop or the tuner's death, {@code tune --resume} does); null otherwise
 * @param endedAtMaxResource true on a Completed job that Hyperband ended because it reached MaxResource (it used its whole
 *                           budget: done, not early-stopped); null otherwise
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
        Integer exitCode,
        Boolean earlyStopped,
        Integer attempts,
        List<String> warnings,
        Boolean awaitingRetry,
        Boolean endedAtMaxResource) {

    public TrainingJob(String name, int index, Map<String, String> tunedHyperParameters, TrainingJobStatus status,
                       ObjectiveStatus objectiveStatus, Double finalObjective, String failureReason,
                       Map<String, Double> finalMetrics, Map<String, List<Double>> series, Instant creationTime,
                       Instant trainingStartTime, Instant trainingEndTime, Integer exitCode) {
        this(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics, series,
                creationTime, trainingStartTime, trainingEndTime, exitCode, null, null, null, null, null);
    }

    public static TrainingJob started(String name, int index, Map<String, String> hyperParameters, Instant now) {
        return new TrainingJob(name, index, hyperParameters, TrainingJobStatus.InProgress, ObjectiveStatus.Pending, null, null,
                Map.of(), Map.of(), now, now, null, null, null, 1, null, null, null);
    }

    public TrainingJob finished(TrainingJobStatus status, ObjectiveStatus objectiveStatus, Double objective, String reason,
                                Map<String, Double> metrics, Map<String, List<Double>> allSeries, Instant end, Integer exit) {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, objective, reason, metrics, allSeries,
                creationTime, trainingStartTime, end, exit, earlyStopped, attempts, warnings, null, endedAtMaxResource);
    }

    /** The same job marked as ended by early stopping. */
    public TrainingJob markedEarlyStopped() {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics,
                series, creationTime, trainingStartTime, trainingEndTime, exitCode, Boolean.TRUE, attempts, warnings, awaitingRetry,
                endedAtMaxResource);
    }

    /** The same job marked as ended by Hyperband when it reached MaxResource. */
    public TrainingJob markedEndedAtMaxResource() {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics,
                series, creationTime, trainingStartTime, trainingEndTime, exitCode, earlyStopped, attempts, warnings, awaitingRetry,
                Boolean.TRUE);
    }

    /** The job running again after a failed attempt: InProgress, its earlier attempt's results cleared. */
    public TrainingJob retried(int attempt) {
        return new TrainingJob(name, index, tunedHyperParameters, TrainingJobStatus.InProgress, ObjectiveStatus.Pending, null, null,
                Map.of(), Map.of(), creationTime, trainingStartTime, null, null, null, attempt, null, null, null);
    }

    /** This failed attempt's record while RetryStrategy's next attempt of the job is still to start (RetryableError). */
    public TrainingJob awaitingItsRetry() {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics,
                series, creationTime, trainingStartTime, trainingEndTime, exitCode, earlyStopped, attempts, warnings, Boolean.TRUE,
                endedAtMaxResource);
    }

    /** A running job's record with the intermediate values printed so far, for readers that follow it. */
    public TrainingJob withSeriesSoFar(Map<String, List<Double>> soFar) {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics,
                soFar, creationTime, trainingStartTime, trainingEndTime, exitCode, earlyStopped, attempts, warnings, awaitingRetry,
                endedAtMaxResource);
    }

    /** The same job with the metric warnings of its run (none: null, so the record stays small). */
    public TrainingJob withWarnings(List<String> newWarnings) {
        return new TrainingJob(name, index, tunedHyperParameters, status, objectiveStatus, finalObjective, failureReason, finalMetrics,
                series, creationTime, trainingStartTime, trainingEndTime, exitCode, earlyStopped, attempts,
                newWarnings == null || newWarnings.isEmpty() ? null : List.copyOf(newWarnings), awaitingRetry, endedAtMaxResource);
    }

    /** How many times the process was started; records written before retries existed count as 1. */
    public int attemptCount() {
        return attempts == null ? 1 : attempts;
    }

    /** A failed attempt whose retry is owed: it counts as RetryableError, and a resume runs the job again. */
    public boolean awaitsRetry() {
        return Boolean.TRUE.equals(awaitingRetry);
    }

    public boolean wasEarlyStopped() {
        return Boolean.TRUE.equals(earlyStopped);
    }

    public boolean wasEndedAtMaxResource() {
        return Boolean.TRUE.equals(endedAtMaxResource);
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
