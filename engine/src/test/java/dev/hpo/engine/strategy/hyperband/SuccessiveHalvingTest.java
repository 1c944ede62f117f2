package dev.hpo.engine.strategy.hyperband;

import dev.hpo.engine.config.ObjectiveType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hpo.engine.strategy.hyperband.SuccessiveHalving.Decision.CONTINUE;
import static dev.hpo.engine.strategy.hyperband.SuccessiveHalving.Decision.DONE_AT_MAX_RESOURCE;
import static dev.hpo.engine.strategy.hyperband.SuccessiveHalving.Decision.STOP_AT_RUNG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SuccessiveHalvingTest {

    @Test
    void rungsGrowByTheReductionFactorBelowMaxResource() {
        assertEquals(List.of(1, 3, 9, 27, 81), new Rungs(1, 100, 3).resources());
        assertEquals(List.of(10, 30, 90), new Rungs(10, 100, 3).resources());
        assertEquals(List.of(1, 3), new Rungs(1, 9, 3).resources());
        assertEquals(List.of(), new Rungs(5, 5, 3).resources());
        assertEquals(2, new Rungs(1, 100, 3).rungAt(9));
        assertEquals(-1, new Rungs(1, 100, 3).rungAt(10));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(10, 5, 3));
    }

    @Test
    void aJobGoesOnOnlyInTheTopThirdOfItsRung() {
        SuccessiveHalving halving = new SuccessiveHalving(new Rungs(1, 100, 3));
        ObjectiveType max = ObjectiveType.Maximize;
        // the first job at a rung is the best there so far
        assertEquals(CONTINUE, halving.decide(1, 0.50, new double[] {}, max));
        // two values: floor(2/3) = 0, so only the best goes on
        assertEquals(STOP_AT_RUNG, halving.decide(1, 0.40, new double[] {0.50}, max));
        assertEquals(CONTINUE, halving.decide(1, 0.60, new double[] {0.50, 0.40}, max));
        // four values {0.5, 0.4, 0.6, 0.55}: top floor(4/3) = 1, and 0.6 is better
        assertEquals(STOP_AT_RUNG, halving.decide(1, 0.55, new double[] {0.50, 0.40, 0.60}, max));
        // six values: the top 2 are 0.7 and 0.65
        assertEquals(CONTINUE, halving.decide(1, 0.65, new double[] {0.50, 0.40, 0.60, 0.55, 0.70}, max));
        assertEquals(STOP_AT_RUNG, halving.decide(1, 0.62, new double[] {0.50, 0.40, 0.60, 0.55, 0.70, 0.65}, max));
        // between rungs nothing is decided
        assertEquals(CONTINUE, halving.decide(2, 0.10, new double[] {0.9, 0.9}, max));
        assertEquals(CONTINUE, halving.decide(99, 0.1, new double[] {0.9, 0.9}, max));
        // at MaxResource the job has used its budget, however it ranks
        assertEquals(DONE_AT_MAX_RESOURCE, halving.decide(100, 0.1, new double[] {0.9, 0.9}, max));
        assertEquals(DONE_AT_MAX_RESOURCE, halving.decide(101, 0.9, new double[] {}, max));
    }

    @Test
    void minimisingKeepsTheLowestValues() {
        SuccessiveHalving halving = new SuccessiveHalving(new Rungs(2, 50, 3));
        ObjectiveType min = ObjectiveType.Minimize;
        assertEquals(CONTINUE, halving.decide(2, 0.20, new double[] {0.30}, min));
        assertEquals(STOP_AT_RUNG, halving.decide(2, 0.25, new double[] {0.30, 0.20}, min));
        assertEquals(CONTINUE, halving.decide(1, 9.0, new double[] {0.1}, min), "before MinResource a job is never stopped");
        assertEquals(CONTINUE, halving.decide(2, Double.NaN, new double[] {0.1}, min), "a value that is not a number is not ranked");
        assertEquals(CONTINUE, halving.decide(2, 0.5, new double[] {Double.NaN}, min), "nor is a peer's");
    }
}
