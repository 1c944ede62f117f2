package dev.hpo.engine.strategy;

import dev.hpo.engine.space.SearchSpace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Uniform sampling of the unit cube, mapped through each range's scaling. The n-th job's values
 * depend only on the seed, n and the configurations tried so far, never on which job finished first,
 * so the same RandomSeed gives the same configs however the parallel jobs interleave and after a resume.
 *
 * <p>On a finite space (categorical and integer ranges only) a repeated configuration would only
 * rerun a training job, so a draw that was already tried or is running is drawn again while untried
 * configurations remain, and the strategy ends once every configuration was tried. With a continuous
 * range a repeat has probability zero, and the draws stay as they are.
 */
public final class RandomStrategy implements Strategy {
    private final SearchSpace space;
    private final long seed;
    /** Null when a range is continuous. */
    private final FiniteSpace finite;

    public RandomStrategy(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
        this.finite = FiniteSpace.of(space).orElse(null);
    }

    /** @return the number of distinct configurations, or -1 when a range is continuous */
    public long size() {
        return finite == null ? -1 : finite.size();
    }

    @Override
    public Optional<Map<String, String>> suggest(int index, List<Trial> history) {
        // one independent stream per job index
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        Map<String, String> drawn = space.valuesAt(space.randomPoint(random));
        return finite == null ? Optional.of(drawn) : finite.untriedFrom(drawn, finite.tried(history), random);
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
