package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCriteriaTunerTest {
    @TempDir
    Path work;

    private static SimulatedLauncher printing() {
        return new SimulatedLauncher(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
    }

    @Test
    void targetObjectiveValueEndsTheTuningJobOnceReached() throws Exception {
        SimulatedLauncher launcher = printing();
        TuningJob result = new SimulatedTuning(List.of("0.9", "0.5", "0.2", "0.1", "0.05"))
                .tuning(t -> t.putObject("TuningJobCompletionCriteria").put("TargetObjectiveMetricValue", 0.3))
                .tuner(work, launcher).run();
        assertEquals(TuningJobStatus.Completed, result.status());
        assertEquals(3, launcher.launched(), "no training job starts after the target is reached");
        assertEquals("TuningJobCompletionCriteria.TargetObjectiveMetricValue", result.completionDetails().criterion());
        ObjectNode described = TuningJobDescription.of(result, Instant.now());
        assertEquals("TuningJobCompletionCriteria.TargetObjectiveMetricValue",
                described.path("TuningJobCompletionDetails").path("CompletionCriterion").asText());
    }

    @Test
    void bestObjectiveNotImprovingCountsJobsInARow() throws Exception {
        SimulatedLauncher launcher = printing();
        TuningJob result = new SimulatedTuning(List.of("0.5", "0.6", "0.498", "0.7", "0.1", "0.05"))
                .tuning(t -> t.putObject("TuningJobCompletionCriteria").putObject("BestObjectiveNotImproving")
                        .put("MaxNumberOfTrainingJobsNotImproving", 3))
                .tuner(work, launcher).run();
        // 0.498 beats 0.5 by less than 1%: it does not count as an improvement
        assertEquals(4, launcher.launched());
        assertEquals(3, result.completionDetails().numberOfTrainingJobsObjectiveNotImproving());
        ObjectNode described = TuningJobDescription.of(result, Instant.now());
        assertEquals(3, described.path("TuningJobCompletionDetails").path("NumberOfTrainingJobsObjectiveNotImproving").asInt());
        assertEquals(0.498, result.bestTrainingJob().finalObjective());
    }

    @Test
    void convergenceEndsAFlatSearch() throws Exception {
        SimulatedLauncher launcher = printing();
        List<String> flat = List.of("0.30", "0.31", "0.32", "0.33", "0.34", "0.35", "0.36", "0.37", "0.38", "0.39", "0.01", "0.02");
        TuningJob result = new SimulatedTuning(flat)
                .tuning(t -> t.putObject("TuningJobCompletionCriteria").putObject("ConvergenceDetected").put("CompleteOnConvergence", "Enabled"))
                .tuner(work, launcher).run();
        assertEquals(10, launcher.launched());
        assertEquals("TuningJobCompletionCriteria.ConvergenceDetected.CompleteOnConvergence", result.completionDetails().criterion());
        ObjectNode described = TuningJobDescription.of(result, Instant.now());
        assertEquals(result.completionDetails().convergenceDetectedTime().toString(),
                described.path("TuningJobCompletionDetails").path("ConvergenceDetectedTime").asText());
    }

    @Test
    void withoutCriteriaEveryJobRuns() throws Exception {
        SimulatedLauncher launcher = printing();
        TuningJob result = new SimulatedTuning(List.of("0.9", "0.5", "0.2")).tuner(work, launcher).run();
        assertEquals(3, launcher.launched());
        assertEquals(null, result.completionDetails());
    }
}
