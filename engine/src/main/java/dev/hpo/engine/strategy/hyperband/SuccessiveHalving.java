package dev.hpo.engine.strategy.hyperband;

import dev.hpo.engine.config.ObjectiveType;

/**
 * The asynchronous successive-halving decision (ASHA): when a running job's objective series reaches
 * a rung's resource, its value there is ranked among the values every other job had at that same
 * resource, and the job goes on only if it is in the top 1/factor of them (the first jobs at a rung,
 * too few for a top third, go on while they are the best). Nobody waits for a rung to fill up, so a
 * free slot is never idle, and a job is judged only against jobs that reached the same resource.
 * A job that reaches MaxResource has used its whole budget: it is done, not beaten.
 * A pure function of the values it is given: the same logs give the same decisions.
 */
public final class SuccessiveHalving {

    /** What happens to the job that just reported. */
    public enum Decision { CONTINUE, STOP_AT_RUNG, DONE_AT_MAX_RESOURCE }

    private final Rungs rungs;

    public SuccessiveHalving(Rungs rungs) {
        this.rungs = rungs;
    }

    public Rungs rungs() {
        return rungs;
    }

    /**
     * @param step how many objective values the job has emitted (the resource it has used, 1-based)
     * @param value the latest of them
     * @param peers the value at this same step of every other job that got this far
     */
    public Decision decide(int step, double value, double[] peers, ObjectiveType direction) {
        if (step >= rungs.maxResource()) {
            return Decision.DONE_AT_MAX_RESOURCE;
        }
        if (rungs.rungAt(step) < 0 || !Double.isFinite(value)) {
            return Decision.CONTINUE;
        }
        int better = 0;
        int ranked = 1;
        for (double peer : peers) {
            if (Double.isFinite(peer)) {
                ranked++;
                if (direction.better(peer, value)) {
                    better++;
                }
            }
        }
        int promoted = Math.max(1, ranked / rungs.reductionFactor());
        return better < promoted ? Decision.CONTINUE : Decision.STOP_AT_RUNG;
    }
}
