package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.strategy.hyperband.Rungs;
import dev.hpo.engine.strategy.hyperband.SuccessiveHalving;

import java.util.List;

/**
 * Hyperband's stopping half, plugged into the tuner's early-stopping hook: each time a job's
 * objective series gains a value, {@link SuccessiveHalving} ranks it against what every other job had
 * at the same step, and a job that falls out of the top third at a rung, or runs past MaxResource,
 * is stopped. The step is the number of values the series holds: for the built-in XGBoost, the
 * boosting round.
 */
public final class HyperbandStopping implements EarlyStopping {
    private final SuccessiveHalving halving;

    public HyperbandStopping(Rungs rungs) {
        this.halving = new SuccessiveHalving(rungs);
    }

    @Override
    public Decision check(ObjectiveProgress job, List<ObjectiveProgress> others, ObjectiveType direction) {
        int step = job.steps();
        if (step == 0) {
            return Decision.CONTINUE;
        }
        double[] peers = others.stream().filter(o -> o.steps() >= step).mapToDouble(o -> o.values()[step - 1]).toArray();
        return halving.decide(step, job.latest(), peers, direction) == SuccessiveHalving.Decision.CONTINUE
                ? Decision.CONTINUE : Decision.STOP;
    }
}
