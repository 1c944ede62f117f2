package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TuningJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and Bayesian search over 4 configurations with room for 10 jobs: each configuration once, then the end. */
class FiniteRandomTunerTest {
    @TempDir
    Path work;

    private static SimulatedTuning random() {
        return finite("Random");
    }

    private static SimulatedTuning finite(String strategy) {
        return new SimulatedTuning(List.of("0.4", "0.3", "0.2", "0.1")).tuning(t -> {
            t.put("Strategy", strategy);
            t.put("RandomSeed", 3);
            ((ObjectNode) t.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", 10).put("MaxParallelTrainingJobs", 2);
        });
    }

    @Test
    void endsOnceEveryConfigurationWasTried() throws Exception {
        TuningJobConfig config = random().config(work);
        assertEquals(1, config.notes().size(), config.notes().toString());
        assertTrue(config.notes().get(0).contains("more than the 4 combinations"), config.notes().get(0));

        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
        TuningJob result = random().tuner(work, launcher).run();
        assertEquals(4, launcher.launched(), "no configuration runs twice");
        assertEquals("the Random strategy tried every combination (4 training jobs)", result.completionReason());
        assertEquals(0.1, result.bestTrainingJob().finalObjective());
    }

    @Test
    void bayesianSearchAlsoTriesEachConfigurationOnceAndEnds() throws Exception {
        TuningJobConfig config = finite("Bayesian").config(work);
        assertEquals(1, config.notes().size(), config.notes().toString());
        assertTrue(config.notes().get(0).contains("Bayesian search tries each once"), config.notes().get(0));

        SimulatedLauncher launcher = SimulatedLauncher.inline(hp -> SimulatedTuning.losses(Double.parseDouble(hp.get("case"))));
        TuningJob result = finite("Bayesian").tuner(work, launcher).run();
        assertEquals(4, launcher.launched(), "no configuration runs twice, though two run at a time");
        assertEquals("the Bayesian strategy tried every combination (4 training jobs)", result.completionReason());
        assertEquals(0.1, result.bestTrainingJob().finalObjective());
    }
}
