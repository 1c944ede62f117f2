package dev.hpo.engine.tuner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bayesian strategy through the tuner loop: reproducible when sequential, spread out when parallel. */
class BayesianTunerTest {
    @TempDir
    Path work;

    private static SimulatedLauncher quadratic() {
        return new SimulatedLauncher(QUADRATIC);
    }

    private static final Function<Map<String, String>, SimulatedLauncher.Script> QUADRATIC = hp -> {
        double x = Double.parseDouble(hp.get("x"));
        double y = Double.parseDouble(hp.get("y"));
        // fixed-point: the fixture's regex takes no exponent
        return SimulatedLauncher.Script.of(0, String.format(Locale.ROOT, "loss=%.9f", (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7)));
    };

    private List<TrainingJob> tune(Path directory, int jobs, int parallel, SimulatedLauncher launcher) throws Exception {
        new SimulatedTuning(List.of("unused")).tuning(t -> {
            t.put("Strategy", "Bayesian");
            t.put("RandomSeed", 17);
            ((ObjectNode) t.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
            var ranges = t.putObject("ParameterRanges").putArray("ContinuousParameterRanges");
            ranges.addObject().put("Name", "x").put("MinValue", "0").put("MaxValue", "1");
            ranges.addObject().put("Name", "y").put("MinValue", "0").put("MaxValue", "1");
        }).tuner(directory, launcher).run();
        return new DirectoryStore(directory).trainingJobs();
    }

    @Test
    void theSameRandomSeedRepeatsASequentialRun() throws Exception {
        List<Map<String, String>> first = tune(work.resolve("a"), 9, 1, quadratic()).stream().map(TrainingJob::tunedHyperParameters).toList();
        List<Map<String, String>> second = tune(work.resolve("b"), 9, 1, quadratic()).stream().map(TrainingJob::tunedHyperParameters).toList();
        assertEquals(first, second);
    }

    /** Jobs that end inside launch make whole batches: a parallel run then repeats itself as a sequential one does. */
    @Test
    void withJobsEndingAtLaunchAParallelRunRepeatsItselfInBatchesOfThree() throws Exception {
        SimulatedLauncher launcher = SimulatedLauncher.inline(QUADRATIC);
        List<Map<String, String>> first = tune(work.resolve("a"), 15, 3, launcher).stream().map(TrainingJob::tunedHyperParameters).toList();
        List<Map<String, String>> second = tune(work.resolve("b"), 15, 3, SimulatedLauncher.inline(QUADRATIC)).stream()
                .map(TrainingJob::tunedHyperParameters).toList();
        assertEquals(first, second);
        assertEquals(15, first.stream().distinct().count());
        assertEquals(1, launcher.mostRunning(), "each job had ended before the next was launched");
    }

    @Test
    void parallelSlotsGetDistinctConfigurationsAndFindTheMinimum() throws Exception {
        SimulatedLauncher launcher = quadratic();
        List<TrainingJob> jobs = tune(work, 18, 3, launcher);
        assertEquals(18, jobs.size());
        assertEquals(18, jobs.stream().map(TrainingJob::tunedHyperParameters).distinct().count());
        double best = jobs.stream().mapToDouble(TrainingJob::finalObjective).min().orElseThrow();
        assertTrue(best < 1e-3, "best " + best);
    }
}
