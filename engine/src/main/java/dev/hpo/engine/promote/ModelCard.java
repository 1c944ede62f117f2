package dev.hpo.engine.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a promoted model is and where it came from: the tuning job, the training job, its
 * hyperparameters (tuned and static), its final metrics, the data channels it trained on and the times.
 * {@code model-card.json} for tools (gate --better-than reads it), {@code MODEL_CARD.md} for people.
 */
public final class ModelCard {
    public static final String FILE_NAME = "model-card.json";
    public static final String MARKDOWN_FILE_NAME = "MODEL_CARD.md";

    private ModelCard() {
    }

    public static ObjectNode of(TuningJob job, TrainingJob best, Path jobDirectory, Instant promotedAt) {
        JsonNode request = job.request() == null ? JsonNodeFactory.instance.objectNode() : job.request();
        JsonNode objectiveSpec = request.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        JsonNode definition = request.path("TrainingJobDefinition");
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("promotedAt", promotedAt.toString());
        ObjectNode tuning = card.putObject("tuningJob");
        tuning.put("name", job.name());
        tuning.put("directory", jobDirectory.toAbsolutePath().normalize().toString());
        tuning.put("status", job.status().name());
        tuning.put("strategy", request.path("HyperParameterTuningJobConfig").path("Strategy").asText("Random"));
        tuning.put("randomSeed", job.randomSeed());
        tuning.put("trainingJobs", job.counters() == null ? 0 : job.counters().total());
        tuning.put("creationTime", job.creationTime().toString());
        if (job.endTime() != null) {
            tuning.put("endTime", job.endTime().toString());
        }
        ObjectNode training = card.putObject("trainingJob");
        training.put("name", best.name());
        if (best.trainingStartTime() != null) {
            training.put("trainingStartTime", best.trainingStartTime().toString());
        }
        if (best.trainingEndTime() != null) {
            training.put("trainingEndTime", best.trainingEndTime().toString());
        }
        ObjectNode objective = card.putObject("objective");
        objective.put("metricName", objectiveSpec.path("MetricName").asText());
        objective.put("type", objectiveSpec.path("Type").asText("Maximize"));
        objective.put("value", best.finalObjective());
        card.set("algorithm", definition.path("AlgorithmSpecification").deepCopy());
        ObjectNode tuned = card.putObject("tunedHyperParameters");
        best.tunedHyperParameters().forEach(tuned::put);
        card.set("staticHyperParameters", definition.path("StaticHyperParameters").isObject()
                ? definition.path("StaticHyperParameters").deepCopy() : JsonNodeFactory.instance.objectNode());
        ObjectNode metrics = card.putObject("metrics");
        new TreeMap<>(best.finalMetrics() == null ? Map.<String, Double>of() : best.finalMetrics()).forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                metrics.put(name, value);
            }
        });
        ArrayNode data = card.putArray("data");
        for (JsonNode channel : definition.path("InputDataConfig")) {
            ObjectNode node = data.addObject();
            node.put("channel", channel.path("ChannelName").asText());
            node.put("uri", channel.path("DataSource").path("S3DataSource").path("S3Uri").asText(
                    channel.path("DataSource").path("FileDataSource").path("Path").asText("")));
            if (channel.has("ContentType")) {
                node.put("contentType", channel.path("ContentType").asText());
            }
        }
        return card;
    }

    /** The same card for people. Plain text in Markdown tables: a reader's renderer does the escaping of its own. */
    public static String markdown(ObjectNode card) {
        StringBuilder md = new StringBuilder();
        JsonNode tuning = card.path("tuningJob"), training = card.path("trainingJob"), objective = card.path("objective");
        md.append("# Model card: ").append(cell(training.path("name").asText())).append("\n\n");
        md.append("Promoted ").append(card.path("promotedAt").asText()).append(" from tuning job `")
                .append(tuning.path("name").asText()).append("` (").append(tuning.path("status").asText()).append(", ")
                .append(tuning.path("strategy").asText()).append(" search, ").append(tuning.path("trainingJobs").asInt())
                .append(" training jobs, seed ").append(tuning.path("randomSeed").asText()).append(").\n\n");
        md.append("Objective: ").append(objective.path("type").asText()).append(' ').append(cell(objective.path("metricName").asText()))
                .append(" = **").append(objective.path("value").asText()).append("**\n\n");
        section(md, "Tuned hyperparameters", card.path("tunedHyperParameters"));
        section(md, "Static hyperparameters", card.path("staticHyperParameters"));
        section(md, "Final metrics", card.path("metrics"));
        md.append("## Data\n\n| channel | location | content type |\n| --- | --- | --- |\n");
        for (JsonNode channel : card.path("data")) {
            md.append("| ").append(cell(channel.path("channel").asText())).append(" | ").append(cell(channel.path("uri").asText()))
                    .append(" | ").append(cell(channel.path("contentType").asText(""))).append(" |\n");
        }
        md.append("\n## Times\n\n- training job: ").append(training.path("trainingStartTime").asText("?")).append(" to ")
                .append(training.path("trainingEndTime").asText("?")).append("\n- tuning job: ")
                .append(tuning.path("creationTime").asText()).append(" to ").append(tuning.path("endTime").asText("?")).append('\n');
        md.append("- tuning job directory: ").append(cell(tuning.path("directory").asText())).append('\n');
        return md.toString();
    }

    private static void section(StringBuilder md, String title, JsonNode values) {
        md.append("## ").append(title).append("\n\n| name | value |\n| --- | --- |\n");
        values.fields().forEachRemaining(e -> md.append("| ").append(cell(e.getKey())).append(" | ")
                .append(cell(e.getValue().asText())).append(" |\n"));
        md.append('\n');
    }

    /** A table cell cannot hold a pipe or a line break; markup characters are shown, not interpreted. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
