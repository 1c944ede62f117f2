package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a training job's process is given: hyperparameters in order, and its share of the cores. */
class TrainingJobRequestsTest {
    private static final BuiltInAlgorithm TOY = new BuiltInAlgorithm("toy", List.of("java", "Toy"), "nthread", List.of());

    @TempDir
    Path work;

    private SimulatedTuning threeInParallel() {
        return new SimulatedTuning(List.of("a", "b", "c", "d"))
                .tuning(t -> t.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", 4).put("MaxParallelTrainingJobs", 3))
                .definition(d -> d.putObject("StaticHyperParameters").put("epochs", "3").put("rate", "0.1"));
    }

    private TuningJobConfig builtIn(SimulatedTuning tuning) throws Exception {
        tuning.definition(d -> {
            d.with("AlgorithmSpecification").remove("ContainerEntrypoint");
            d.with("AlgorithmSpecification").put("AlgorithmName", "toy");
        });
        return new ConfigParser(Map.of("toy", TOY)).parse(tuning.request.toString(), work, "test config");
    }

    @Test
    void aScriptGetsStaticsThenTunedValuesThenTheObjectiveName() throws Exception {
        TrainingJobRequests requests = new TrainingJobRequests(threeInParallel().config(work), Map.of(), 4);
        assertEquals(List.of("sh"), requests.command());
        Map<String, String> all = requests.hyperParameters(Map.of("case", "tuned"));
        assertEquals(List.of("epochs", "rate", "case", "_tuning_objective_metric"), List.copyOf(all.keySet()));
        assertEquals("tuned", all.get("case"));
        assertEquals("loss", all.get("_tuning_objective_metric"));
        assertEquals("1", requests.environment().get("OMP_NUM_THREADS"), "4 cores over 3 parallel jobs: 1 each");
    }

    @Test
    void aBuiltInAlgorithmGetsItsShareOfTheCoresUnlessTheUserSetIt() throws Exception {
        SimulatedTuning twoJobs = new SimulatedTuning(List.of("a", "b"))
                .tuning(t -> t.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", 2).put("MaxParallelTrainingJobs", 8));
        TrainingJobRequests requests = new TrainingJobRequests(builtIn(twoJobs), Map.of("toy", TOY), 4);
        assertEquals(List.of("java", "Toy"), requests.command());
        assertEquals("2", requests.hyperParameters(Map.of("case", "a")).get("nthread"), "8 parallel slots but 2 jobs: 4 cores over 2");
        assertEquals("2", requests.environment().get("OMP_NUM_THREADS"));
        assertEquals("7", requests.hyperParameters(Map.of("case", "a", "nthread", "7")).get("nthread"));
    }
}
