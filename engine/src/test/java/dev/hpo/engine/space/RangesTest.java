package dev.hpo.engine.space;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangesTest {

    @Test
    void linearContinuousMapsTheUnitIntervalOntoTheBounds() {
        ContinuousRange eta = new ContinuousRange("eta", 0, 2, ScalingType.Linear);
        assertEquals(0.0, eta.at(0));
        assertEquals(1.0, eta.at(0.5));
        assertEquals(2.0, eta.at(1));
        assertEquals(0.25, eta.unitOf("0.5"), 1e-12);
    }

    @Test
    void autoIsLinear() {
        assertEquals(new ContinuousRange("a", 1, 9, ScalingType.Linear).at(0.3),
                new ContinuousRange("a", 1, 9, ScalingType.Auto).at(0.3));
    }

    @Test
    void logarithmicSpendsEqualShareOnEachDecade() {
        ContinuousRange lr = new ContinuousRange("lr", 1e-4, 1, ScalingType.Logarithmic);
        assertEquals(1e-4, lr.at(0), 1e-15);
        assertEquals(1e-2, lr.at(0.5), 1e-12);
        assertEquals(1e-3, lr.at(0.25), 1e-12);
        assertEquals(0.75, lr.unitOf("0.1"), 1e-12);
    }

    @Test
    void reverseLogarithmicCrowdsTowardsOne() {
        ContinuousRange momentum = new ContinuousRange("momentum", 0, 0.999, ScalingType.ReverseLogarithmic);
        assertEquals(0.0, momentum.at(0), 1e-12);
        assertEquals(0.999, momentum.at(1), 1e-12);
        // half of the unit interval lands in [1 - sqrt(0.001), 0.999]: 1 - 10^-1.5
        assertEquals(1 - Math.pow(10, -1.5), momentum.at(0.5), 1e-12);
        assertEquals(0.5, momentum.unitOf(Double.toString(momentum.at(0.5))), 1e-9);
    }

    @Test
    void integersRenderWithoutADecimalPointAndEachGetsAnEqualShare() {
        IntegerRange depth = new IntegerRange("max_depth", 1, 10, ScalingType.Auto);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String value = depth.valueAt((i + 0.5) / 1000);
            assertTrue(value.matches("\\d+"), value);
            counts.merge(value, 1, Integer::sum);
        }
        assertEquals(10, counts.size());
        counts.values().forEach(c -> assertEquals(100, c));
        assertEquals("10", depth.valueAt(1));
        assertEquals("1", depth.valueAt(0));
        assertEquals("3", depth.valueAt(depth.unitOf("3")));
    }

    @Test
    void logarithmicIntegers() {
        IntegerRange trees = new IntegerRange("n", 1, 1000, ScalingType.Logarithmic);
        assertEquals("1", trees.valueAt(0));
        assertEquals("1000", trees.valueAt(1));
        long small = 0;
        for (int i = 0; i < 300; i++) {
            if (trees.at((i + 0.5) / 300) < 10) {
                small++;
            }
        }
        // [1, 10) holds a third of the log range [1, 1001)
        assertEquals(100, small, 2);
    }

    @Test
    void categoricalValuesPassVerbatimWithSpaces() {
        CategoricalRange booster = new CategoricalRange("booster", List.of("gbtree", "dart", "two words"));
        assertEquals("gbtree", booster.valueAt(0));
        assertEquals("two words", booster.valueAt(0.99));
        assertEquals("dart", booster.valueAt(booster.unitOf("dart")));
    }

    @Test
    void searchSpaceRoundTripsThroughTheUnitCube() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("eta", 0.01, 1, ScalingType.Logarithmic),
                new IntegerRange("max_depth", 1, 10, ScalingType.Linear), new CategoricalRange("b", List.of("x", "y"))));
        Map<String, String> values = space.valuesAt(new double[] {0.3, 0.55, 0.8});
        assertEquals(List.of("eta", "max_depth", "b"), List.copyOf(values.keySet()));
        assertEquals(values, space.valuesAt(space.pointOf(values)));
    }
}
