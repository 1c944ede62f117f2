package dev.hpo.engine.strategy;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategiesTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(new ContinuousRange("eta", 0, 1, ScalingType.Auto),
            new IntegerRange("max_depth", 1, 10, ScalingType.Auto)));

    @Test
    void randomWithTheSameSeedGivesTheSameConfigsWhateverTheHistory() {
        RandomStrategy a = new RandomStrategy(SPACE, 42);
        RandomStrategy b = new RandomStrategy(SPACE, 42);
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, String> first = a.suggest(i, List.of()).orElseThrow();
            assertEquals(first, b.suggest(i, history).orElseThrow());
            history.add(Trial.pending(i, first));
        }
        assertNotEquals(new RandomStrategy(SPACE, 42).suggest(0, List.of()), new RandomStrategy(SPACE, 43).suggest(0, List.of()));
    }

    @Test
    void randomCoversTheSpace() {
        RandomStrategy random = new RandomStrategy(SPACE, 7);
        Set<String> depths = new HashSet<>();
        double low = 1;
        double high = 0;
        for (int i = 0; i < 200; i++) {
            Map<String, String> values = random.suggest(i, List.of()).orElseThrow();
            depths.add(values.get("max_depth"));
            double eta = Double.parseDouble(values.get("eta"));
            low = Math.min(low, eta);
            high = Math.max(high, eta);
        }
        assertEquals(10, depths.size());
        assertTrue(low < 0.05 && high > 0.95, low + " " + high);
    }

    @Test
    void randomOnAFiniteSpaceTriesEachConfigurationOnceThenStops() {
        SearchSpace small = new SearchSpace(List.of(new IntegerRange("d", 1, 3, ScalingType.Auto),
                new CategoricalRange("b", List.of("gbtree", "dart"))));
        RandomStrategy random = new RandomStrategy(small, 5);
        assertEquals(6, random.size());
        List<Trial> history = new ArrayList<>();
        Set<Map<String, String>> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Map<String, String> next = random.suggest(i, history).orElseThrow();
            assertTrue(seen.add(next), "repeated " + next + " at job " + i);
            // a running job counts as tried: pending trials must not be proposed again
            history.add(Trial.pending(i, next));
        }
        assertTrue(random.suggest(6, history).isEmpty(), "every configuration was tried");
        // the same seed and history give the same sequence
        RandomStrategy again = new RandomStrategy(small, 5);
        List<Trial> replay = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, String> next = again.suggest(i, replay).orElseThrow();
            assertEquals(history.get(i).hyperParameters(), next);
            replay.add(Trial.pending(i, next));
        }
    }

    @Test
    void randomWithAContinuousRangeHasNoSize() {
        assertEquals(-1, new RandomStrategy(SPACE, 1).size());
    }

    @Test
    void gridVisitsEveryCombinationOnceThenStops() {
        GridStrategy grid = new GridStrategy(new SearchSpace(List.of(new IntegerRange("d", 1, 3, ScalingType.Auto),
                new CategoricalRange("b", List.of("gbtree", "dart")))));
        assertEquals(6, grid.size());
        Set<Map<String, String>> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            seen.add(grid.suggest(i, List.of()).orElseThrow());
        }
        assertEquals(6, seen.size());
        assertEquals(Map.of("d", "1", "b", "dart"), grid.suggest(1, List.of()).orElseThrow());
        assertEquals(Optional.empty(), grid.suggest(6, List.of()));
    }

    @Test
    void gridRefusesContinuousRanges() {
        assertThrows(IllegalArgumentException.class, () -> new GridStrategy(SPACE));
    }
}
