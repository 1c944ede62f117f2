package dev.hpo.engine.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.promote.ModelCard;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The objective of the model a candidate must beat: read from a promoted model's card (where CI keeps
 * the model in use) or from another tuning job's directory.
 */
public record Baseline(String source, String metricName, String type, double value) {

    public static Baseline read(Path location) throws IOException {
        Path card = location.resolve(ModelCard.FILE_NAME);
        if (Files.isRegularFile(card)) {
            JsonNode node = Json.mapper().readTree(card.toFile());
            JsonNode objective = node.path("objective");
            if (!objective.path("value").isNumber()) {
                throw new IOException(card + ": objective.value is missing or not a number");
            }
            return new Baseline("promoted model " + location, objective.path("metricName").asText(), objective.path("type").asText(),
                    objective.path("value").asDouble());
        }
        if (DirectoryStore.holdsTuningJob(location)) {
            TuningJob job = new DirectoryStore(location).tuningJob().orElseThrow();
            if (job.bestTrainingJob() == null || job.bestTrainingJob().finalObjective() == null) {
                throw new IOException("tuning job " + location + " has no best training job to compare with");
            }
            JsonNode objective = job.request() == null ? null
                    : job.request().path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
            return new Baseline("tuning job " + job.name(), objective == null ? "" : objective.path("MetricName").asText(),
                    objective == null ? "" : objective.path("Type").asText(), job.bestTrainingJob().finalObjective());
        }
        throw new IOException(location + " is neither a promoted model (no " + ModelCard.FILE_NAME + ") nor a tuning job's directory (no "
                + DirectoryStore.TUNING_JOB_FILE + ")");
    }
}
