package dev.hpo.engine.tuner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.TrainingJobListing;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hyperband through the tuner: random configurations, jobs stopped at rungs 1 and 3 of 9 rounds. */
class HyperbandTunerTest {
    private static final int ROUNDS = 9;

    @TempDir
    Path work;

    @Test
    void jobsOutOfTheTopThirdAtARungStopThereAndTheBestRunsToTheEnd() throws Exception {
        // a job's loss falls with the rounds; a higher quality q gives a lower loss at every round
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> {
            double q = Double.parseDouble(hp.get("q"));
            double[] losses = new double[ROUNDS];
            for (int t = 0; t < ROUNDS; t++) {
                losses[t] = (1 - q) + 1.0 / (t + 1);
            }
            return SimulatedTuning.losses(losses);
        });
        TuningJob result = new SimulatedTuning(List.of("unused")).tuning(t -> {
            t.put("Strategy", "Hyperband");
            t.put("RandomSeed", 3);
            t.putObject("StrategyConfig").putObject("HyperbandStrategyConfig").put("MinResource", 1).put("MaxResource", ROUNDS);
            ((ObjectNode) t.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", 12);
            ObjectNode ranges = t.putObject("ParameterRanges");
            ranges.putArray("ContinuousParameterRanges").addObject().put("Name", "q").put("MinValue", "0").put("MaxValue", "1");
        }).tuner(work, launcher).run();

        List<TrainingJob> jobs = new DirectoryStore(work).trainingJobs();
        assertEquals(12, jobs.size());
        int rounds = 0;
        for (TrainingJob job : jobs) {
            int steps = job.series().get("loss").size();
            rounds += steps;
            if (job.wasEarlyStopped()) {
                assertEquals(TrainingJobStatus.Stopped, job.status());
                assertTrue(Set.of(1, 3).contains(steps), job.name() + " stopped after " + steps + " rounds, not at a rung");
            } else {
                assertEquals(ROUNDS, steps, job.name());
                // MaxResource is the whole budget: a job that reaches it is done, not stopped
                assertEquals(TrainingJobStatus.Completed, job.status(), job.name());
                assertEquals(job.series().get("loss").get(ROUNDS - 1), job.finalObjective(), job.name());
            }
        }
        assertTrue(jobs.stream().anyMatch(TrainingJob::wasEarlyStopped));
        // the listing tells a rung stop from a plain stop, in a field of its own (FailureReason stays empty)
        JsonNode listed = TrainingJobListing.response(result, jobs).path("TrainingJobSummaries");
        for (int i = 0; i < jobs.size(); i++) {
            TrainingJob job = jobs.get(i);
            JsonNode summary = listed.get(i);
            if (job.wasEarlyStopped()) {
                int steps = job.series().get("loss").size();
                assertEquals("stopped early at step " + steps + " by Hyperband (rung " + (steps == 1 ? 1 : 2)
                        + ": not in the top third of the jobs that reached it)", summary.path("EarlyStoppingReason").asText());
                assertTrue(summary.path("FailureReason").isMissingNode(), summary.toString());
            } else {
                assertTrue(summary.path("EarlyStoppingReason").isMissingNode(), summary.toString());
            }
        }
        assertTrue(rounds < 12 * ROUNDS / 2, "successive halving spent " + rounds + " of " + 12 * ROUNDS + " rounds");
        TrainingJob best = result.bestTrainingJob();
        assertFalse(best.wasEarlyStopped(), "the best job ran all its rounds");
        double bestQ = jobs.stream().mapToDouble(j -> Double.parseDouble(j.tunedHyperParameters().get("q"))).max().orElseThrow();
        assertEquals(bestQ, Double.parseDouble(best.tunedHyperParameters().get("q")), "the best configuration sampled was never stopped");
    }
}
