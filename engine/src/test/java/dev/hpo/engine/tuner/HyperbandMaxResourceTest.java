package dev.hpo.engine.tuner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.TrainingJobListing;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job that reaches MaxResource has used its whole budget: Hyperband ends it at that step (not one
 * later), and it is Completed with the objective of the steps it was granted, not early-stopped.
 */
class HyperbandMaxResourceTest {
    private static final double[] EIGHT_LOSSES = {0.9, 0.5, 0.4, 0.3, 0.2, 0.15, 0.12, 0.1};

    @TempDir
    Path work;

    @Test
    void aJobThatGoesOnPastMaxResourceIsEndedAtItAndCompleted() throws Exception {
        TuningJob result = run(3, tuning -> { }, new SimulatedLauncher(hp -> SimulatedTuning.losses(EIGHT_LOSSES)));
        TrainingJob job = new DirectoryStore(work).trainingJobs().get(0);
        assertEquals(List.of(0.9, 0.5, 0.4), job.series().get("loss"), "scored up to step MaxResource, no further");
        assertEquals(TrainingJobStatus.Completed, job.status());
        assertEquals(ObjectiveStatus.Succeeded, job.objectiveStatus());
        assertEquals(0.4, job.finalObjective());
        assertEquals(0.4, job.finalMetrics().get("loss"));
        assertTrue(job.wasEndedAtMaxResource());
        assertFalse(job.wasEarlyStopped());
        assertEquals(null, job.failureReason());
        JsonNode summary = TrainingJobListing.response(result, List.of(job)).path("TrainingJobSummaries").get(0);
        assertEquals("Completed", summary.path("TrainingJobStatus").asText());
        assertEquals("ended by Hyperband at step 3: MaxResource reached, the job's whole budget",
                summary.path("CompletionReason").asText());
        assertTrue(summary.path("EarlyStoppingReason").isMissingNode(), summary.toString());
        assertTrue(summary.path("FailureReason").isMissingNode(), summary.toString());
        assertEquals(1, result.counters().completed());
        assertEquals(0, result.counters().stopped());
    }

    @Test
    void theFinalValueRuleSeesOnlyTheStepsUpToMaxResource() throws Exception {
        double[] losses = {0.5, 0.2, 0.4, 0.1, 0.05};
        run(3, tuning -> { }, new SimulatedLauncher(hp -> SimulatedTuning.losses(losses)), "Min");
        TrainingJob job = new DirectoryStore(work).trainingJobs().get(0);
        assertEquals(0.2, job.finalObjective(), "the smallest of the first three, not 0.05 printed after MaxResource");
        assertEquals(TrainingJobStatus.Completed, job.status());
    }

    @Test
    void aJobWhoseOwnRoundsAreMaxResourceEndsByItselfAndIsCompletedAsUsual() throws Exception {
        run(3, tuning -> { }, new SimulatedLauncher(hp -> SimulatedTuning.losses(0.9, 0.5, 0.4)), "Last", "3");
        TrainingJob job = new DirectoryStore(work).trainingJobs().get(0);
        assertEquals(TrainingJobStatus.Completed, job.status());
        assertEquals(0.4, job.finalObjective());
        assertEquals(0, job.exitCode(), "not stopped: it ended by itself (the built-in XGBoost writes its model last)");
        assertFalse(job.wasEndedAtMaxResource());
        assertFalse(job.wasEarlyStopped());
    }

    /** Declared rounds at MaxResource, but the job prints more: it is ended one value late, and that value does not count. */
    @Test
    void aJobThatPrintsPastItsOwnRoundsIsScoredAtMaxResourceToo() throws Exception {
        run(3, tuning -> { }, new SimulatedLauncher(hp -> SimulatedTuning.losses(EIGHT_LOSSES)), "Last", "3");
        TrainingJob job = new DirectoryStore(work).trainingJobs().get(0);
        assertEquals(List.of(0.9, 0.5, 0.4), job.series().get("loss"));
        assertEquals(0.4, job.finalObjective());
        assertEquals(TrainingJobStatus.Completed, job.status());
        assertTrue(job.wasEndedAtMaxResource());
    }

    @Test
    void onlyRungStopsAreStoppedAndEveryJobThatReachesMaxResourceIsCompleted() throws Exception {
        // a higher q gives a lower loss at every step; nine values each, MaxResource 9
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> {
            double q = Double.parseDouble(hp.get("q"));
            double[] losses = new double[12];
            for (int t = 0; t < losses.length; t++) {
                losses[t] = (1 - q) + 1.0 / (t + 1);
            }
            return SimulatedTuning.losses(losses);
        });
        TuningJob result = run(9, tuning -> ((ObjectNode) tuning.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", 10), launcher);
        List<TrainingJob> jobs = new DirectoryStore(work).trainingJobs();
        int completed = 0;
        for (TrainingJob job : jobs) {
            int steps = job.series().get("loss").size();
            if (job.status() == TrainingJobStatus.Stopped) {
                assertTrue(job.wasEarlyStopped(), job.name());
                assertTrue(steps == 1 || steps == 3, job.name() + " stopped at step " + steps + ", not at a rung");
            } else {
                assertEquals(TrainingJobStatus.Completed, job.status(), job.name());
                assertEquals(9, steps, job.name());
                assertTrue(job.wasEndedAtMaxResource(), job.name());
                assertEquals(job.series().get("loss").get(8), job.finalObjective(), job.name());
                completed++;
            }
        }
        assertTrue(completed >= 1);
        assertEquals(completed, result.counters().completed());
        assertEquals(jobs.size() - completed, result.counters().stopped());
    }

    private TuningJob run(int maxResource, Consumer<ObjectNode> change, SimulatedLauncher launcher) throws Exception {
        return run(maxResource, change, launcher, "Last");
    }

    private TuningJob run(int maxResource, Consumer<ObjectNode> change, SimulatedLauncher launcher, String finalValue) throws Exception {
        return run(maxResource, change, launcher, finalValue, null);
    }

    private TuningJob run(int maxResource, Consumer<ObjectNode> change, SimulatedLauncher launcher, String finalValue,
                          String staticEpochs) throws Exception {
        return new SimulatedTuning(List.of("unused")).tuning(t -> {
            t.put("Strategy", "Hyperband");
            t.put("RandomSeed", 5);
            t.putObject("StrategyConfig").putObject("HyperbandStrategyConfig").put("MinResource", 1).put("MaxResource", maxResource);
            ObjectNode ranges = t.putObject("ParameterRanges");
            ranges.putArray("ContinuousParameterRanges").addObject().put("Name", "q").put("MinValue", "0").put("MaxValue", "1");
            change.accept(t);
        }).definition(d -> {
            ((ObjectNode) d.path("AlgorithmSpecification").path("MetricDefinitions").get(0)).put("FinalValue", finalValue);
            if (staticEpochs != null) {
                d.putObject("StaticHyperParameters").put("epochs", staticEpochs);
            }
        }).tuner(work, launcher).run();
    }
}
