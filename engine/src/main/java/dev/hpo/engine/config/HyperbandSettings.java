package dev.hpo.engine.config;

/**
 * StrategyConfig.HyperbandStrategyConfig: the resource (epochs, boosting rounds: one objective value
 * each) a training job may use. A job is never stopped before {@code minResource} values and ends
 * at {@code maxResource}.
 *
 * @param ownResource the epochs or rounds a static hyperparameter (num_round, epochs, ...) gives every
 *                    job, or 0 when none does: a job whose own count is at most MaxResource ends there
 *                    by itself, and is left to do so (the built-in XGBoost saves its model last)
 */
public record HyperbandSettings(int minResource, int maxResource, int ownResource) {

    public HyperbandSettings(int minResource, int maxResource) {
        this(minResource, maxResource, 0);
    }

    /** True when every job stops emitting values by MaxResource on its own. */
    public boolean jobsEndByMaxResource() {
        return ownResource >= 1 && ownResource <= maxResource;
    }
}
