package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.AtomicFile;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code result.json}: the few facts a build dashboard or a gate reads (status, counters, the best
 * training job and its objective), in a small file beside tuning-job.json, with describe's field names.
 */
public final class ResultFile {
    public static final String FILE_NAME = "result.json";

    private ResultFile() {
    }

    public static ObjectNode of(TuningJob job) {
        return of(job, false);
    }

    /** @param interrupted no tuner runs the job any more: it will not change until resumed */
    public static ObjectNode of(TuningJob job, boolean interrupted) {
        return of(job, interrupted, List.of());
    }

    /** @param parents the warm-start parents that can be read, for OverallBestTrainingJob */
    public static ObjectNode of(TuningJob job, boolean interrupted, List<TuningJob> parents) {
        JsonNode config = job.request() == null ? null : job.request().path("HyperParameterTuningJobConfig");
        JsonNode objective = config == null ? JsonNodeFactory.instance.objectNode() : config.path("HyperParameterTuningJobObjective");
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("HyperParameterTuningJobName", job.name());
        node.put("HyperParameterTuningJobStatus", job.status().name());
        if (job.completionReason() != null) {
            node.put("CompletionReason", job.completionReason());
        }
        if (job.failureReason() != null) {
            node.put("FailureReason", job.failureReason());
        }
        if (interrupted && !job.status().terminal()) {
            node.put("Interrupted", true);
        }
        node.put("CreationTime", job.creationTime().toString());
        if (job.endTime() != null) {
            node.put("HyperParameterTuningEndTime", job.endTime().toString());
        }
        ObjectNode spec = node.putObject("Objective");
        spec.put("MetricName", objective.path("MetricName").asText(""));
        spec.put("Type", objective.path("Type").asText("Maximize"));
        Counters counters = job.counters() == null ? Counters.NONE : job.counters();
        StatusCounters.put(node, counters);
        TrainingJob best = job.bestTrainingJob();
        if (best != null) {
            ObjectNode b = node.putObject("BestTrainingJob");
            b.put("TrainingJobName", best.name());
            if (best.finalObjective() != null && Double.isFinite(best.finalObjective())) {
                b.put("Value", best.finalObjective());
            }
            ObjectNode tuned = b.putObject("TunedHyperParameters");
            best.tunedHyperParameters().forEach(tuned::put);
            // relative to the job directory, so the file stays true when the directory moves
            b.put("ModelDirectory", DirectoryStore.TRAINING_JOBS + "/" + best.name() + "/model");
        }
        TuningJobDescription.overallBest(job, parents).ifPresent(summary -> {
            ObjectNode overall = node.putObject("OverallBestTrainingJob");
            overall.put("TrainingJobName", summary.path("TrainingJobName").asText());
            overall.put("TuningJobName", summary.path("TuningJobName").asText());
            JsonNode value = summary.path("FinalHyperParameterTuningJobObjectiveMetric").path("Value");
            if (value.isNumber()) {
                overall.put("Value", value.asDouble());
            }
            overall.set("TunedHyperParameters", summary.path("TunedHyperParameters").deepCopy());
        });
        return node;
    }

    public static Path write(Path jobDirectory, TuningJob job) throws IOException {
        return write(jobDirectory, job, false);
    }

    public static Path write(Path jobDirectory, TuningJob job, boolean interrupted) throws IOException {
        Path file = jobDirectory.resolve(FILE_NAME);
        AtomicFile.write(file, Json.mapper().writeValueAsBytes(of(job, interrupted, WarmStartParents.of(job, jobDirectory))));
        return file;
    }
}
