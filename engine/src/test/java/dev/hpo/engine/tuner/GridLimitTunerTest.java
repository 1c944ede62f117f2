package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid search tries every combination: MaxNumberOfTrainingJobs can neither cut it short nor stretch it. */
class GridLimitTunerTest {
    private static final List<String> SIX = List.of("0.6", "0.5", "0.4", "0.3", "0.2", "0.1");

    @TempDir
    Path work;

    private static SimulatedTuning grid(int maxJobs) {
        return new SimulatedTuning(SIX).tuning(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", maxJobs));
    }

    @Test
    void fewerJobsThanCombinationsIsRefusedWithTheFieldPath() {
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> grid(4).config(work)).problems();
        assertEquals("HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs", problems.get(0).fieldPath());
        assertTrue(problems.get(0).message().contains("grid's 6 combinations"), problems.get(0).message());
    }

    @Test
    void moreJobsThanCombinationsRunsTheGridOnceWithANote() throws Exception {
        TuningJobConfig config = grid(10).config(work);
        assertEquals(6, config.limits().maxTrainingJobs());
        assertEquals(1, config.notes().size(), config.notes().toString());
        assertTrue(config.notes().get(0).contains("(10) is more than the grid's 6 combinations"), config.notes().get(0));

        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
        TuningJob result = grid(10).tuner(work, launcher).run();
        assertEquals(6, launcher.launched());
        assertEquals("the grid's 6 combinations were all tried", result.completionReason());
    }

    @Test
    void withoutALimitTheGridSizeIsTheJobCount() throws Exception {
        SimulatedTuning tuning = new SimulatedTuning(SIX).tuning(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("ResourceLimits")).remove("MaxNumberOfTrainingJobs"));
        TuningJobConfig config = tuning.config(work);
        assertEquals(6, config.limits().maxTrainingJobs());
        assertTrue(config.notes().isEmpty());
    }
}
