package dev.hpo.cli.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds tuning job configs that run {@code faults/job.py} (a script that misbehaves on purpose) as
 * the training job, objective {@code loss} minimized. Each test adds the fault it needs.
 */
final class FaultConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LOSS_REGEX = "loss=([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode tuning;
    private final ObjectNode definition;

    FaultConfig(String name, String strategy, int maxJobs, int parallel) throws URISyntaxException {
        root.put("HyperParameterTuningJobName", name);
        tuning = root.putObject("HyperParameterTuningJobConfig");
        tuning.put("Strategy", strategy);
        tuning.put("RandomSeed", 7);
        tuning.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", "loss");
        ObjectNode limits = tuning.putObject("ResourceLimits");
        limits.put("MaxNumberOfTrainingJobs", maxJobs);
        limits.put("MaxParallelTrainingJobs", parallel);
        tuning.putObject("ParameterRanges");
        definition = root.putObject("TrainingJobDefinition");
        ObjectNode algorithm = definition.putObject("AlgorithmSpecification");
        algorithm.putArray("ContainerEntrypoint").add("python3").add(script().toString());
        algorithm.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", LOSS_REGEX);
        definition.putObject("StaticHyperParameters");
    }

    static Path script() throws URISyntaxException {
        return Path.of(FaultConfig.class.getResource("/faults/job.py").toURI());
    }

    FaultConfig continuous(String name, double min, double max) {
        ranges("ContinuousParameterRanges").addObject().put("Name", name).put("MinValue", Double.toString(min))
                .put("MaxValue", Double.toString(max));
        return this;
    }

    FaultConfig categorical(String name, List<String> values) {
        ArrayNode list = ranges("CategoricalParameterRanges").addObject().put("Name", name).putArray("Values");
        values.forEach(list::add);
        return this;
    }

    FaultConfig statics(Map<String, String> values) {
        ObjectNode statics = (ObjectNode) definition.get("StaticHyperParameters");
        values.forEach(statics::put);
        return this;
    }

    FaultConfig metric(String name, String regex) {
        ((ArrayNode) definition.get("AlgorithmSpecification").get("MetricDefinitions")).addObject().put("Name", name).put("Regex", regex);
        return this;
    }

    FaultConfig maxRuntimePerJob(int seconds) {
        definition.putObject("StoppingCondition").put("MaxRuntimeInSeconds", seconds);
        return this;
    }

    FaultConfig retries(int attempts) {
        definition.putObject("RetryStrategy").put("MaximumRetryAttempts", attempts);
        return this;
    }

    Path write(Path directory) throws IOException {
        Path file = directory.resolve(root.get("HyperParameterTuningJobName").asText() + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    private ArrayNode ranges(String kind) {
        ObjectNode ranges = (ObjectNode) tuning.get("ParameterRanges");
        return ranges.has(kind) ? (ArrayNode) ranges.get(kind) : ranges.putArray(kind);
    }
}
