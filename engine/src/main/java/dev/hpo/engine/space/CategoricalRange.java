package dev.hpo.engine.space;

import java.util.List;

/** A hyperparameter that takes one of a list of values, passed to the training job verbatim. */
public record CategoricalRange(String name, List<String> values) implements ParameterRange {

    public CategoricalRange {
        values = List.copyOf(values);
    }

    @Override
    public String valueAt(double unit) {
        int index = (int) Math.floor(ContinuousRange.clamp(unit) * values.size());
        return values.get(Math.min(values.size() - 1, index));
    }

    @Override
    public double unitOf(String value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + values + " for " + name);
        }
        return (index + 0.5) / values.size();
    }
}
