package dev.hpo.bench;

import java.util.Arrays;

/** Median and interquartile range with linear interpolation between order statistics (numpy's default), so figures compare with the Optuna script's. */
record Quartiles(double q25, double median, double q75) {

    static Quartiles of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Quartiles(percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75));
    }

    static double percentile(double[] sorted, double p) {
        double position = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    String format() {
        return Figures.round(median) + " [" + Figures.round(q25) + "–" + Figures.round(q75) + "]";
    }
}
