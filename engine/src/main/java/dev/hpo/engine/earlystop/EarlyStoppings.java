package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.EarlyStoppingType;
import dev.hpo.engine.config.HyperbandSettings;
import dev.hpo.engine.config.StrategyName;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.strategy.hyperband.Rungs;

import java.util.Optional;

/** The early stopping a config asks for, if any. */
public final class EarlyStoppings {
    private EarlyStoppings() {
    }

    /** One place to choose the rule, so a strategy that stops jobs itself (Hyperband) can plug in here. */
    public static Optional<EarlyStopping> forConfig(TuningJobConfig config) {
        if (config.strategy() == StrategyName.Hyperband && config.hyperband() != null) {
            HyperbandSettings settings = config.hyperband();
            return Optional.of(new HyperbandStopping(new Rungs(settings.minResource(), settings.maxResource(), Rungs.DEFAULT_REDUCTION_FACTOR),
                    settings.jobsEndByMaxResource()));
        }
        return config.earlyStopping() == EarlyStoppingType.Auto ? Optional.of(new MedianStoppingRule()) : Optional.empty();
    }
}
