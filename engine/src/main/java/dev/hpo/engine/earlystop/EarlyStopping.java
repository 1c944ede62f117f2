package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.ObjectiveType;

import java.util.List;

/**
 * Decides whether a running training job is hopeless and should be stopped now. The tuner calls it
 * each time the job's objective series gains a value, so an implementation sees every step; it holds
 * no processes and no files, and may keep caches of finished jobs (their series never change).
 *
 * <p>Jobs it stops end as Stopped, marked early-stopped, and keep their last objective value as the
 * final one, so they still count for the search (SageMaker's behaviour).
 */
public interface EarlyStopping {

    /**
     * @param job       the job whose series just gained a value; its last value is the newest step
     * @param others    every other training job of the tuning job, running or finished, in start order
     * @param direction whether larger or smaller objective values are better
     */
    Decision check(ObjectiveProgress job, List<ObjectiveProgress> others, ObjectiveType direction);

    /**
     * How many of a job's first values count when {@link Decision#BUDGET_SPENT} ends it at {@code step}:
     * a rule may decide one step late (to let a job end by itself at its budget), and the values past
     * the budget must still not count.
     */
    default int budgetedSteps(int step) {
        return step;
    }

    enum Decision {
        CONTINUE,
        /** hopeless: end it now as Stopped, early-stopped */
        STOP,
        /** its budget is used up at this step: end it now as Completed */
        BUDGET_SPENT
    }
}
