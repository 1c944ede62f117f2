package dev.hpo.xgboost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The value types of XGBoost's common numeric parameters, so that a value that does not parse fails
 * before training with exit code 2 and the parameter's name, instead of deep inside XGBoost.
 *
 * <p>Ranges (say {@code subsample} in (0, 1]) are left to XGBoost, whose messages already name the
 * parameter and whose limits we should not restate and let drift. Parameters not listed here pass
 * through unchecked, so newer XGBoost parameters keep working.
 */
final class ParameterTypes {
    enum Kind { INTEGER, NUMBER }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("num_round", Kind.INTEGER),
            Map.entry("max_depth", Kind.INTEGER),
            Map.entry("max_leaves", Kind.INTEGER),
            Map.entry("max_bin", Kind.INTEGER),
            Map.entry("num_parallel_tree", Kind.INTEGER),
            Map.entry("num_class", Kind.INTEGER),
            Map.entry("nthread", Kind.INTEGER),
            Map.entry("seed", Kind.INTEGER),
            Map.entry("verbosity", Kind.INTEGER),
            Map.entry("max_cat_to_onehot", Kind.INTEGER),
            Map.entry("max_cat_threshold", Kind.INTEGER),
            Map.entry("eta", Kind.NUMBER),
            Map.entry("gamma", Kind.NUMBER),
            Map.entry("min_child_weight", Kind.NUMBER),
            Map.entry("max_delta_step", Kind.NUMBER),
            Map.entry("subsample", Kind.NUMBER),
            Map.entry("colsample_bytree", Kind.NUMBER),
            Map.entry("colsample_bylevel", Kind.NUMBER),
            Map.entry("colsample_bynode", Kind.NUMBER),
            Map.entry("lambda", Kind.NUMBER),
            Map.entry("alpha", Kind.NUMBER),
            Map.entry("scale_pos_weight", Kind.NUMBER),
            Map.entry("base_score", Kind.NUMBER),
            Map.entry("tweedie_variance_power", Kind.NUMBER),
            Map.entry("huber_slope", Kind.NUMBER),
            Map.entry("sketch_eps", Kind.NUMBER),
            Map.entry("rate_drop", Kind.NUMBER),
            Map.entry("skip_drop", Kind.NUMBER),
            Map.entry("aft_loss_distribution_scale", Kind.NUMBER));

    private ParameterTypes() {
    }

    /**
     * Returns the value XGBoost should get: unchanged for strings and numbers, and for an integer
     * parameter written as a whole float ({@code "5.0"}, as some tools render integers) the plain
     * integer, because XGBoost's own parser rejects {@code "5.0"} for an int.
     */
    static String normalize(String name, String value) throws UsageException {
        Kind kind = KINDS.get(name);
        if (kind == null) {
            return value;
        }
        String v = value.trim();
        double number;
        try {
            number = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("hyperparameter " + name + " must be " + describe(kind) + ", got '" + value + "'");
        }
        // Double.parseDouble accepts "NaN", "Infinity" and a trailing 'd' or 'f'; XGBoost does not.
        if (!Double.isFinite(number) || !v.matches("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?")) {
            throw new UsageException("hyperparameter " + name + " must be " + describe(kind) + ", got '" + value + "'");
        }
        if (kind == Kind.NUMBER) {
            return v;
        }
        try {
            return Long.toString(new BigDecimal(v).longValueExact());
        } catch (ArithmeticException e) {
            throw new UsageException("hyperparameter " + name + " must be " + describe(kind) + ", got '" + value + "'");
        }
    }

    private static String describe(Kind kind) {
        return kind == Kind.INTEGER ? "an integer" : "a number";
    }
}
