package dev.hpo.engine.metric;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Which of a metric's values is its final value: the last one emitted (SageMaker's rule and the
 * default), or the largest or smallest finite one (for a script that prints a last epoch worse than
 * its best and saves the best model). Set per metric with {@code FinalValue} in a MetricDefinitions entry.
 */
public enum FinalValue {
    Last, Max, Min;

    /** The final value of a series, or empty when it has none; Max and Min skip NaN and infinities. */
    public OptionalDouble of(MetricSeries series) {
        return switch (this) {
            case Last -> series.last();
            case Max -> series.max().isPresent() ? series.max() : series.last();
            case Min -> series.min().isPresent() ? series.min() : series.last();
        };
    }

    /** The same rule over a list of values (a prefix of a series, for a job judged at a step). */
    public OptionalDouble of(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble last = OptionalDouble.of(values.get(values.size() - 1));
        if (this == Last) {
            return last;
        }
        OptionalDouble extreme = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                .reduce(this == Max ? Math::max : Math::min);
        return extreme.isPresent() ? extreme : last;
    }
}
