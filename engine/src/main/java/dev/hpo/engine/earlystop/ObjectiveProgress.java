package dev.hpo.engine.earlystop;

import java.util.OptionalDouble;

/**
 * One training job's objective series as early stopping sees it. The step of a value is its position
 * in the series (0-based): the n-th epoch or round the job reported.
 *
 * @param index      the job's place in start order, so rules can tell earlier jobs from later ones
 * @param values     the objective values so far, in emission order (not to be modified)
 * @param finished   true when the job has ended
 * @param finalValue the job's final objective when it finished with one
 */
public record ObjectiveProgress(int index, double[] values, boolean finished, OptionalDouble finalValue) {

    public static ObjectiveProgress running(int index, double[] values) {
        return new ObjectiveProgress(index, values, false, OptionalDouble.empty());
    }

    public int steps() {
        return values.length;
    }

    /** The newest value; only for a series with at least one value. */
    public double latest() {
        return values[values.length - 1];
    }
}
