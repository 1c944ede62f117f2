package dev.hpo.engine.config;

/**
 * StrategyConfig.HyperbandStrategyConfig: the resource (epochs, boosting rounds: one objective value
 * each) a training job may use. A job is never stopped before {@code minResource} values and always
 * by {@code maxResource}.
 */
public record HyperbandSettings(int minResource, int maxResource) {
}
