package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The DescribeHyperParameterTuningJob response for a tuning job, in SageMaker's shape. */
public final class TuningJobDescription {
    private TuningJobDescription() {
    }

    /**
     * With warm-start parents: an IdenticalDataAndAlgorithm job's results compare with its parents', so
     * SageMaker adds OverallBestTrainingJob, the best of this job's and the parents' best training jobs.
     */
    public static ObjectNode of(TuningJob job, Instant now, List<TuningJob> parents) {
        return of(job, now, parents, false);
    }

    /** @param interrupted no tuner runs the job any more (asked by a process other than the tuner's) */
    public static ObjectNode of(TuningJob job, Instant now, List<TuningJob> parents, boolean interrupted) {
        ObjectNode node = of(job, now, interrupted);
        overallBest(job, parents).ifPresent(best -> node.set("OverallBestTrainingJob", best));
        return node;
    }

    /**
     * The OverallBestTrainingJob summary of an IdenticalDataAndAlgorithm warm start: the best of this
     * job's and the parents' best training jobs; empty for any other job.
     */
    public static Optional<ObjectNode> overallBest(TuningJob job, List<TuningJob> parents) {
        JsonNode request = job.request();
        if (request == null || !"IdenticalDataAndAlgorithm".equals(request.path("WarmStartConfig").path("WarmStartType").asText())) {
            return Optional.empty();
        }
        JsonNode objective = request.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        boolean maximize = "Maximize".equals(objective.path("Type").asText());
        TuningJob owner = null;
        TrainingJob best = null;
        List<TuningJob> all = new ArrayList<>(parents);
        all.add(0, job);
        for (TuningJob candidate : all) {
            TrainingJob its = candidate.bestTrainingJob();
            if (its != null && its.hasObjective() && (best == null
                    || (maximize ? its.finalObjective() > best.finalObjective() : its.finalObjective() < best.finalObjective()))) {
                best = its;
                owner = candidate;
            }
        }
        return best == null ? Optional.empty() : Optional.of(TrainingJobSummary.of(best, owner.name(), objective));
    }

    public static ObjectNode of(TuningJob job, Instant now) {
        return of(job, now, false);
    }

    public static ObjectNode of(TuningJob job, Instant now, boolean interrupted) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        JsonNode request = job.request();
        node.put("HyperParameterTuningJobName", job.name());
        node.put("HyperParameterTuningJobArn", Arns.tuningJob(job.name()));
        JsonNode tuningConfig = request == null ? null : request.get("HyperParameterTuningJobConfig");
        if (tuningConfig != null) {
            ObjectNode config = tuningConfig.deepCopy();
            if (!config.has("RandomSeed")) {
                // the seed a run actually used, so it can be repeated
                config.put("RandomSeed", job.randomSeed());
            }
            node.set("HyperParameterTuningJobConfig", config);
        }
        if (request != null && request.has("TrainingJobDefinition")) {
            node.set("TrainingJobDefinition", request.get("TrainingJobDefinition").deepCopy());
        }
        if (request != null && request.has("WarmStartConfig")) {
            node.set("WarmStartConfig", request.get("WarmStartConfig").deepCopy());
        }
        node.put("HyperParameterTuningJobStatus", job.status().name());
        node.put("CreationTime", job.creationTime().toString());
        if (job.endTime() != null) {
            node.put("HyperParameterTuningEndTime", job.endTime().toString());
        }
        node.put("LastModifiedTime", job.lastModifiedTime().toString());
        Counters counters = job.counters();
        StatusCounters.put(node, counters);
        if (job.bestTrainingJob() != null) {
            JsonNode objectiveSpec = tuningConfig == null ? null : tuningConfig.get("HyperParameterTuningJobObjective");
            ObjectNode best = TrainingJobSummary.of(job.bestTrainingJob(), job.name(), objectiveSpec);
            EarlyStopReason.of(job.bestTrainingJob(), job).ifPresent(reason -> best.put(EarlyStopReason.FIELD, reason));
            MaxResourceEnd.of(job.bestTrainingJob(), job).ifPresent(reason -> best.put(MaxResourceEnd.FIELD, reason));
            node.set("BestTrainingJob", best);
        }
        if (job.failureReason() != null) {
            node.put("FailureReason", job.failureReason());
        }
        if (job.completionReason() != null) {
            // not in SageMaker's response: why the job ended, which SageMaker leaves to the reader to infer
            node.put("CompletionReason", job.completionReason());
        }
        if (job.completionDetails() != null) {
            ObjectNode details = node.putObject("TuningJobCompletionDetails");
            if (job.completionDetails().numberOfTrainingJobsObjectiveNotImproving() != null) {
                details.put("NumberOfTrainingJobsObjectiveNotImproving", job.completionDetails().numberOfTrainingJobsObjectiveNotImproving());
            }
            if (job.completionDetails().convergenceDetectedTime() != null) {
                details.put("ConvergenceDetectedTime", job.completionDetails().convergenceDetectedTime().toString());
            }
            // not in SageMaker's shape: the criterion that ended the job, by its config field path
            details.put("CompletionCriterion", job.completionDetails().criterion());
        }
        if (interrupted && !job.status().terminal()) {
            // not in SageMaker's shape: SageMaker's own jobs are never left without a tuner
            node.put("Interrupted", true);
        }
        Instant end = ElapsedTime.end(job, now, interrupted && !job.status().terminal());
        node.putObject("ConsumedResources").put("RuntimeInSeconds", Duration.between(job.creationTime(), end).getSeconds());
        return node;
    }
}
