package dev.hpo.engine.strategy;

import dev.hpo.engine.space.SearchSpace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Uniform sampling of the unit cube, mapped through each range's scaling. The n-th job's values
 * depend only on the seed and n, never on which job finished first, so the same RandomSeed gives the
 * same configs however the parallel jobs interleave and after a resume.
 */
public final class RandomStrategy implements Strategy {
    private final SearchSpace space;
    private final long seed;

    public RandomStrategy(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public Optional<Map<String, String>> suggest(int index, List<Trial> history) {
        // one independent stream per job index
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        double[] point = new double[space.dimensions()];
        for (int i = 0; i < point.length; i++) {
            point[i] = random.nextDouble();
        }
        return Optional.of(space.valuesAt(point));
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
