package dev.hpo.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which hyperparameters explain the objective, by a variance decomposition simple enough to state in
 * one line: for each hyperparameter alone, the share of the objective's variance that its value
 * explains (omega squared of a one-way analysis of variance).
 *
 * <p>Numeric values are grouped into equal-count bins by rank ({@code sqrt(n)} bins, 2 to 10), so a
 * log-scaled range needs no special case and outliers do not stretch the bins; categorical values and
 * integers with few distinct values are grouped by value. Omega squared rather than the raw ratio
 * (eta squared), because with few training jobs the raw ratio credits even an ignored hyperparameter
 * with about (bins - 1) / (n - 1); omega squared subtracts that expectation, so an irrelevant one
 * scores near 0. It measures main effects only: a hyperparameter that matters only through its
 * interaction with another scores low, which fANOVA's higher-order terms would show and this does not.
 */
public final class HyperparameterImportance {
    public static final String METHOD = "omega squared of a one-way ANOVA per hyperparameter "
            + "(numeric values in equal-count bins by rank, categories by value); main effects only";
    static final int MIN_OBSERVATIONS = 6;

    public record Importance(String name, double share) {
    }

    /** One training job that has an objective. */
    public record Observation(Map<String, String> hyperParameters, double objective) {
    }

    private HyperparameterImportance() {
    }

    /** Most important first; empty when there are too few observations to say anything. */
    public static List<Importance> of(List<TunedRange> ranges, List<Observation> observations) {
        List<Importance> result = new ArrayList<>();
        if (observations.size() < MIN_OBSERVATIONS) {
            return result;
        }
        double[] y = observations.stream().mapToDouble(Observation::objective).toArray();
        for (TunedRange range : ranges) {
            int[] groups = range.categorical() ? byValue(range.name(), observations) : byRank(range.name(), observations);
            if (groups != null) {
                result.add(new Importance(range.name(), omegaSquared(groups, y)));
            }
        }
        result.sort(Comparator.comparingDouble(Importance::share).reversed().thenComparing(Importance::name));
        return result;
    }

    static double omegaSquared(int[] group, double[] y) {
        int n = y.length;
        int k = Arrays.stream(group).max().orElse(0) + 1;
        double[] sum = new double[k];
        int[] count = new int[k];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            sum[group[i]] += y[i];
            count[group[i]]++;
            mean += y[i];
        }
        mean /= n;
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        int groups = 0;
        double between = 0;
        for (int g = 0; g < k; g++) {
            if (count[g] > 0) {
                groups++;
                double d = sum[g] / count[g] - mean;
                between += count[g] * d * d;
            }
        }
        if (total <= 0 || groups < 2 || n <= groups) {
            return 0;
        }
        double withinMeanSquare = (total - between) / (n - groups);
        double omega = (between - (groups - 1) * withinMeanSquare) / (total + withinMeanSquare);
        return Math.max(0, Math.min(1, omega));
    }

    private static int[] byValue(String name, List<Observation> observations) {
        Map<String, Integer> ids = new HashMap<>();
        int[] groups = new int[observations.size()];
        for (int i = 0; i < groups.length; i++) {
            String value = observations.get(i).hyperParameters().get(name);
            groups[i] = ids.computeIfAbsent(value == null ? "" : value, v -> ids.size());
        }
        return groups;
    }

    private static int[] byRank(String name, List<Observation> observations) {
        int n = observations.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            String value = observations.get(i).hyperParameters().get(name);
            try {
                x[i] = Double.parseDouble(value);
            } catch (NullPointerException | NumberFormatException e) {
                return null;
            }
        }
        int bins = Math.max(2, Math.min(10, (int) Math.round(Math.sqrt(n))));
        if (Arrays.stream(x).distinct().count() <= bins) {
            return byValue(name, observations);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        int[] groups = new int[n];
        int bin = 0;
        for (int r = 0; r < n; r++) {
            int target = (int) ((long) r * bins / n);
            // equal values stay in one bin, whatever their rank
            if (target > bin && x[order[r]] != x[order[r - 1]]) {
                bin = target;
            }
            groups[order[r]] = bin;
        }
        return groups;
    }
}
