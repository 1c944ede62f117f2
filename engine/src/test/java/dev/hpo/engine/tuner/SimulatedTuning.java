package dev.hpo.engine.tuner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.store.DirectoryStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Grid tuning job over one categorical hyperparameter {@code case}, objective {@code loss}
 * (Minimize), one job at a time so the history each decision sees is fixed: the tuner tests' fixture.
 */
final class SimulatedTuning {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ObjectNode request = JSON.createObjectNode();

    SimulatedTuning(List<String> cases) {
        request.put("HyperParameterTuningJobName", "sim");
        ObjectNode tuning = request.putObject("HyperParameterTuningJobConfig");
        tuning.put("Strategy", "Grid");
        tuning.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", "loss");
        tuning.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", cases.size()).put("MaxParallelTrainingJobs", 1);
        ArrayNode values = tuning.putObject("ParameterRanges").putArray("CategoricalParameterRanges").addObject()
                .put("Name", "case").putArray("Values");
        cases.forEach(values::add);
        ObjectNode algorithm = request.putObject("TrainingJobDefinition").putObject("AlgorithmSpecification");
        algorithm.putArray("ContainerEntrypoint").add("sh");
        algorithm.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss=([-+]?[0-9]*\\.?[0-9]+)");
    }

    SimulatedTuning tuning(Consumer<ObjectNode> change) {
        change.accept((ObjectNode) request.get("HyperParameterTuningJobConfig"));
        return this;
    }

    SimulatedTuning definition(Consumer<ObjectNode> change) {
        change.accept((ObjectNode) request.get("TrainingJobDefinition"));
        return this;
    }

    TuningJobConfig config(Path base) throws Exception {
        return new ConfigParser(Map.of()).parse(JSON.writeValueAsString(request), base, "test config");
    }

    Tuner tuner(Path jobDirectory, SimulatedLauncher launcher) throws Exception {
        return new Tuner(config(jobDirectory), new DirectoryStore(jobDirectory), jobDirectory, launcher, Map.of(),
                TuningListener.NONE, Clock.systemUTC(), 2);
    }

    /** A script printing {@code loss=v} for each value. */
    static SimulatedLauncher.Script losses(double... values) {
        String[] lines = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            lines[i] = "epoch " + i + " loss=" + values[i];
        }
        return SimulatedLauncher.Script.of(0, lines);
    }
}
