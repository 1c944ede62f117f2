package dev.hpo.engine.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The tuned hyperparameters of a tuning job, in the order the config declares them. */
public record SearchSpace(List<ParameterRange> ranges) {

    public SearchSpace {
        ranges = List.copyOf(ranges);
    }

    public int dimensions() {
        return ranges.size();
    }

    /** The hyperparameters at a point of the unit cube, one coordinate per range. */
    public Map<String, String> valuesAt(double[] point) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            values.put(ranges.get(i).name(), ranges.get(i).valueAt(point[i]));
        }
        return values;
    }

    /**
     * How many distinct configurations the space holds: -1 when a range is continuous, Long.MAX_VALUE
     * for any count beyond a long (a product of wide integer ranges overflows).
     */
    public long combinations() {
        long combinations = 1;
        for (ParameterRange range : ranges) {
            long count = count(range);
            if (count < 0) {
                return -1;
            }
            if (count == 0 || combinations > Long.MAX_VALUE / count) {
                return Long.MAX_VALUE;
            }
            combinations *= count;
        }
        return combinations;
    }

    /** How many values a categorical or integer range takes; -1 for a continuous one. */
    public static long count(ParameterRange range) {
        return range instanceof CategoricalRange c ? c.values().size() : range instanceof IntegerRange i ? i.size() : -1;
    }

    /** A uniform point of the unit cube: one draw per range, in the ranges' order. */
    public double[] randomPoint(SplittableRandom random) {
        double[] point = new double[ranges.size()];
        for (int i = 0; i < point.length; i++) {
            point[i] = random.nextDouble();
        }
        return point;
    }

    /** The point of the unit cube that a set of tuned hyperparameters sits at. */
    public double[] pointOf(Map<String, String> values) {
        double[] point = new double[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            ParameterRange range = ranges.get(i);
            point[i] = range.unitOf(values.get(range.name()));
        }
        return point;
    }
}
