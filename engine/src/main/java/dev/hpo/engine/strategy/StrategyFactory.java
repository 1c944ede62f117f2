package dev.hpo.engine.strategy;

import dev.hpo.engine.config.TuningJobConfig;

import java.util.List;

/** Builds the strategy a config names. */
public final class StrategyFactory {
    private StrategyFactory() {
    }

    public static Strategy create(TuningJobConfig config, long seed) {
        return switch (config.strategy()) {
            // Random search has no model to inform: warm-start parents only add to the jobs to compare
            case Random -> new RandomStrategy(config.space(), seed);
            case Grid -> new GridStrategy(config.space());
            case Bayesian -> new BayesianStrategy(config.space(), config.objective().type(), seed, parents(config),
                    BayesianStrategy.defaultInitialPoints(config.space()), config.limits().maxParallelTrainingJobs());
            case Hyperband -> new HyperbandStrategy(config.space(), seed);
        };
    }

    private static List<Trial> parents(TuningJobConfig config) {
        if (config.warmStart() == null) {
            return List.of();
        }
        return ParentTrials.load(config.warmStart(), config.space());
    }
}
