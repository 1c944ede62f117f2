package dev.hpo.engine.strategy.hyperband;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.RandomStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hpo.engine.strategy.hyperband.SuccessiveHalving.Decision.CONTINUE;
import static dev.hpo.engine.strategy.hyperband.SuccessiveHalving.Decision.STOP_AT_MAX_RESOURCE;
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
        SuccessiveHalving halving = new SuccessiveHalving(new Rungs(1, 100, 3), ObjectiveType.Maximize);
        // the first job at a rung is the best there so far
        assertEquals(CONTINUE, halving.report("a", 1, 0.50));
        // two values: floor(2/3) = 0, so only the best goes on
        assertEquals(STOP_AT_RUNG, halving.report("b", 1, 0.40));
        assertEquals(CONTINUE, halving.report("c", 1, 0.60));
        // four values {0.5, 0.4, 0.6, 0.55}: top floor(4/3) = 1, and 0.6 is better
        assertEquals(STOP_AT_RUNG, halving.report("d", 1, 0.55));
        assertEquals(CONTINUE, halving.report("e", 1, 0.70));
        // six values: top 2 are 0.7 and 0.65
        assertEquals(CONTINUE, halving.report("f", 1, 0.65));
        assertEquals(6, halving.recordedAt(0));
        // between rungs nothing is decided
        assertEquals(CONTINUE, halving.report("a", 2, 0.10));
        // rung 1 (3 rounds) is judged only against jobs that reached 3 rounds
        assertEquals(CONTINUE, halving.report("a", 3, 0.51));
        assertEquals(STOP_AT_RUNG, halving.report("c", 3, 0.50));
        assertEquals(STOP_AT_MAX_RESOURCE, halving.report("e", 100, 0.9));
    }

    @Test
    void minimisingKeepsTheLowestValues() {
        SuccessiveHalving halving = new SuccessiveHalving(new Rungs(2, 50, 3), ObjectiveType.Minimize);
        assertEquals(CONTINUE, halving.report("a", 2, 0.30));
        assertEquals(CONTINUE, halving.report("b", 2, 0.20));
        assertEquals(STOP_AT_RUNG, halving.report("c", 2, 0.25));
        assertEquals(CONTINUE, halving.report("d", 1, 9.0), "before MinResource a job is never stopped");
        assertEquals(CONTINUE, halving.report("e", 2, Double.NaN), "a value that is not a number is not ranked");
    }

    @Test
    void hyperbandSamplesLikeRandomSearchWithTheSameSeed() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("eta", 0, 1, ScalingType.Auto)));
        HyperbandStrategy hyperband = new HyperbandStrategy(space, 5);
        RandomStrategy random = new RandomStrategy(space, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(random.suggest(i, List.of()), hyperband.suggest(i, List.of()));
        }
    }
}
