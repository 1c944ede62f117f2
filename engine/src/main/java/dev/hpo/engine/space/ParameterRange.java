package dev.hpo.engine.space;

/**
 * One tuned hyperparameter. Every range maps the unit interval onto its values through its scaling,
 * so strategies (random, grid, Bayesian) search one uniform cube and never care about log axes.
 */
public sealed interface ParameterRange permits ContinuousRange, IntegerRange, CategoricalRange {
    String name();

    /** The value at position {@code unit} in [0, 1], monotone in {@code unit}, rendered as a training job receives it. */
    String valueAt(double unit);

    /** The inverse of {@link #valueAt}: where a rendered value sits in [0, 1]. */
    double unitOf(String value);
}
