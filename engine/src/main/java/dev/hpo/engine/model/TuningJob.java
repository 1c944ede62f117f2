package dev.hpo.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The tuning job's own state as the store keeps it. Counters and the best training job are kept here
 * too, so that describe reads one small file however many training jobs there are.
 *
 * @param request the CreateHyperParameterTuningJob request as the user wrote it
 * @param randomSeed the seed actually used (the user's RandomSeed, or one drawn and recorded)
 * @param completionReason why the tuning job ended, in words
 * @param completionDetails which completion criterion ended it, when one did (SageMaker's TuningJobCompletionDetails)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningJob(
        String name,
        TuningJobStatus status,
        Instant creationTime,
        Instant endTime,
        Instant lastModifiedTime,
        String failureReason,
        String completionReason,
        long randomSeed,
        Counters counters,
        TrainingJob bestTrainingJob,
        JsonNode request,
        CompletionDetails completionDetails) {

    public TuningJob(String name, TuningJobStatus status, Instant creationTime, Instant endTime, Instant lastModifiedTime,
                     String failureReason, String completionReason, long randomSeed, Counters counters,
                     TrainingJob bestTrainingJob, JsonNode request) {
        this(name, status, creationTime, endTime, lastModifiedTime, failureReason, completionReason, randomSeed, counters,
                bestTrainingJob, request, null);
    }

    public TuningJob with(TuningJobStatus newStatus, Counters newCounters, TrainingJob best, Instant now) {
        return new TuningJob(name, newStatus, creationTime, endTime, now, failureReason, completionReason, randomSeed,
                newCounters, best, request, completionDetails);
    }

    public TuningJob ended(TuningJobStatus newStatus, String reason, String failure, Instant now) {
        return new TuningJob(name, newStatus, creationTime, now, now, failure, reason, randomSeed, counters, bestTrainingJob, request,
                completionDetails);
    }

    public TuningJob withCompletionDetails(CompletionDetails details) {
        return new TuningJob(name, status, creationTime, endTime, lastModifiedTime, failureReason, completionReason, randomSeed,
                counters, bestTrainingJob, request, details);
    }

    /** The same tuning job running again after its tuner died: InProgress, no end. */
    public TuningJob resumed(Instant now) {
        return new TuningJob(name, TuningJobStatus.InProgress, creationTime, null, now, null, null, randomSeed, counters,
                bestTrainingJob, request, null);
    }
}
