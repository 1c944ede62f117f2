package dev.hpo.engine.strategy.bayes;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.util.Map;

/**
 * Where the GP sees a configuration. Continuous and integer ranges take their position in the unit
 * interval through their scaling (an integer sits at the centre of its share, so the GP never
 * distinguishes two points that are the same job). A categorical range becomes one indicator per
 * value: its values have no order, and one length scale per indicator lets the fit learn how much
 * the choice matters.
 */
public final class FeatureEncoding {
    private final SearchSpace space;
    private final int width;

    public FeatureEncoding(SearchSpace space) {
        this.space = space;
        int w = 0;
        for (ParameterRange range : space.ranges()) {
            w += range instanceof CategoricalRange c ? c.values().size() : 1;
        }
        this.width = w;
    }

    public int width() {
        return width;
    }

    /** The features of a configuration, or null when a value is not in this space (a parent's job outside a changed range). */
    public double[] encode(Map<String, String> values) {
        double[] features = new double[width];
        int at = 0;
        for (ParameterRange range : space.ranges()) {
            String value = values.get(range.name());
            if (value == null) {
                return null;
            }
            if (range instanceof CategoricalRange c) {
                int index = c.values().indexOf(value);
                if (index < 0) {
                    return null;
                }
                features[at + index] = 1;
                at += c.values().size();
            } else {
                try {
                    features[at++] = range.unitOf(value);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return features;
    }

    /** The features of the configuration at a point of the search cube. */
    public double[] encodeUnit(double[] unit) {
        return encode(space.valuesAt(unit));
    }
}
