package dev.hpo.engine.strategy;

import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.hyperband.SuccessiveHalving;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperband's sampling half: every job gets an independent random configuration (the same per
 * index and seed as Random search); the budget is saved by {@link SuccessiveHalving}, which stops the
 * unpromising ones at a rung instead of letting them run to MaxResource.
 */
public final class HyperbandStrategy implements Strategy {
    private final RandomStrategy sampler;

    public HyperbandStrategy(SearchSpace space, long seed) {
        this.sampler = new RandomStrategy(space, seed);
    }

    @Override
    public Optional<Map<String, String>> suggest(int index, List<Trial> history) {
        return sampler.suggest(index, history);
    }
}
