package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.strategy.hyperband.Rungs;
import dev.hpo.engine.strategy.hyperband.SuccessiveHalving;

import java.util.List;

/**
 * Hyperband's stopping half, plugged into the tuner's early-stopping hook: each time a job's
 * objective series gains a value, {@link SuccessiveHalving} ranks it against what every other job had
 * at the same step, and a job that falls out of the top third at a rung is stopped; a job whose
 * series reaches MaxResource is done and ended there. The step is the number of values the series
 * holds: for the built-in XGBoost, the boosting round.
 */
public final class HyperbandStopping implements EarlyStopping {
    private final SuccessiveHalving halving;
    private final boolean jobsEndByMaxResource;

    /**
     * @param jobsEndByMaxResource true when every job's own epochs or rounds are at most MaxResource: a
     *                             job at MaxResource is then left to end by itself (and write its model);
     *                             only one that goes on past it is ended
     */
    public HyperbandStopping(Rungs rungs, boolean jobsEndByMaxResource) {
        this.halving = new SuccessiveHalving(rungs);
        this.jobsEndByMaxResource = jobsEndByMaxResource;
    }

    @Override
    public int budgetedSteps(int step) {
        return Math.min(step, halving.rungs().maxResource());
    }

    @Override
    public Decision check(ObjectiveProgress job, List<ObjectiveProgress> others, ObjectiveType direction) {
        int step = job.steps();
        if (step == 0) {
            return Decision.CONTINUE;
        }
        double[] peers = others.stream().filter(o -> o.steps() >= step).mapToDouble(o -> o.values()[step - 1]).toArray();
        return switch (halving.decide(step, job.latest(), peers, direction)) {
            case CONTINUE -> Decision.CONTINUE;
            case STOP_AT_RUNG -> Decision.STOP;
            case DONE_AT_MAX_RESOURCE -> jobsEndByMaxResource && step == halving.rungs().maxResource()
                    ? Decision.CONTINUE : Decision.BUDGET_SPENT;
        };
    }
}
