package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.EarlyStoppingType;
import dev.hpo.engine.config.TuningJobConfig;

import java.util.Optional;

/** The early stopping a config asks for, if any. */
public final class EarlyStoppings {
    private EarlyStoppings() {
    }

    /** One place to choose the rule, so a strategy that stops jobs itself (Hyperband) can plug in here. */
    public static Optional<EarlyStopping> forConfig(TuningJobConfig config) {
        return config.earlyStopping() == EarlyStoppingType.Auto ? Optional.of(new MedianStoppingRule()) : Optional.empty();
    }
}
