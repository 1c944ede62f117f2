package dev.hpo.engine.strategy;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.bayes.FeatureEncoding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationsTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(new ContinuousRange("x", 0, 1, ScalingType.Auto)));

    private static Trial done(int index, double x, double value) {
        return new Trial(index, Map.of("x", Double.toString(x)), Trial.Outcome.SUCCEEDED, OptionalDouble.of(value));
    }

    @Test
    void maximisedValuesAreNegatedAndStandardised() {
        Observations observations = Observations.of(List.of(done(0, 0.1, 1), done(1, 0.5, 2), done(2, 0.9, 3)),
                new FeatureEncoding(SPACE), ObjectiveType.Maximize);
        assertArrayEquals(new double[] {1, 0, -1}, observations.targets(), 1e-12);
        assertEquals(-1, observations.bestTarget(), 1e-12);
    }

    @Test
    void failedAndObjectiveLessJobsTakeOneDeviationWorseThanTheWorstAndRunningOnesWait() {
        List<Trial> trials = new ArrayList<>(List.of(done(0, 0.1, 1), done(1, 0.5, 2), done(2, 0.9, 3)));
        trials.add(new Trial(3, Map.of("x", "0.3"), Trial.Outcome.FAILED, OptionalDouble.empty()));
        trials.add(new Trial(4, Map.of("x", "0.4"), Trial.Outcome.SUCCEEDED, OptionalDouble.of(Double.NaN)));
        trials.add(Trial.pending(5, Map.of("x", "0.7")));
        Observations observations = Observations.of(trials, new FeatureEncoding(SPACE), ObjectiveType.Minimize);
        assertArrayEquals(new double[] {-1, 0, 1, 2, 2}, observations.targets(), 1e-12);
        assertEquals(3, observations.succeeded());
        assertEquals(1, observations.pending().size());
    }

    @Test
    void objectivesNearTheLargestDoubleStandardiseAsOrdinaryOnesDo() {
        Observations huge = Observations.of(List.of(done(0, 0.1, -1e308), done(1, 0.5, 0), done(2, 0.9, 1e308)),
                new FeatureEncoding(SPACE), ObjectiveType.Minimize);
        assertArrayEquals(new double[] {-1, 0, 1}, huge.targets(), 1e-12);
        assertEquals(-1, huge.bestTarget(), 1e-12);
    }

    @Test
    void disastrousValuesAreSqueezedTowardsTheFenceInOrder() {
        double[] raw = {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 50, 500};
        Observations.capOutliers(raw);
        // q25 1.275, q75 1.825 (linear), fence 1.825 + 1.5 * 0.55 = 2.65; above it 2.65 + 0.275 log(1 + excess / 0.55)
        assertArrayEquals(new double[] {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9}, java.util.Arrays.copyOf(raw, 10), 0);
        assertEquals(2.65 + 0.275 * Math.log1p(47.35 / 0.55), raw[10], 1e-9);
        assertEquals(2.65 + 0.275 * Math.log1p(497.35 / 0.55), raw[11], 1e-9);
        assertTrue(raw[11] > raw[10], "the worst stays the worst");
    }

    @Test
    void theCapKeepsTheBestHalfAndASpreadOfTheRest() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trials.add(done(i, i / 10.0, i));
        }
        Observations capped = Observations.of(trials, new FeatureEncoding(SPACE), ObjectiveType.Minimize).capped(4);
        assertEquals(4, capped.size());
        double[][] inputs = capped.inputs();
        assertEquals(0.0, inputs[0][0], 1e-12);
        assertEquals(0.1, inputs[1][0], 1e-12);
    }
}
