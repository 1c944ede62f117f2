package dev.hpo.engine.strategy;

import dev.hpo.engine.config.TuningJobConfig;

/** Builds the strategy a config names. */
public final class StrategyFactory {
    private StrategyFactory() {
    }

    public static Strategy create(TuningJobConfig config, long seed) {
        return switch (config.strategy()) {
            case Random -> new RandomStrategy(config.space(), seed);
            case Grid -> new GridStrategy(config.space());
            default -> throw new IllegalArgumentException("Strategy " + config.strategy() + " is not available in this version");
        };
    }
}
