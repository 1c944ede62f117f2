package dev.hpo.engine.strategy;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.bayes.FeatureEncoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The history as the GP sees it: features, and targets turned into a standardised quantity to
 * minimise. A failed job (or one that never printed its objective) takes one standard deviation
 * worse than the worst value seen, so the surrogate learns "not here" without an arbitrary number
 * that would stretch its scale. Running jobs are kept apart, for the caller to fill in with predictions.
 */
final class Observations {
    private record Entry(double[] features, double target, Map<String, String> values, boolean succeeded) {
    }

    private final List<Entry> entries;
    private final List<double[]> pending;
    private final int succeeded;

    private Observations(List<Entry> entries, List<double[]> pending) {
        this.entries = entries;
        this.pending = pending;
        this.succeeded = (int) entries.stream().filter(Entry::succeeded).count();
    }

    static Observations of(List<Trial> trials, FeatureEncoding encoding, ObjectiveType direction) {
        List<Trial> good = new ArrayList<>();
        List<double[]> goodFeatures = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        List<double[]> pending = new ArrayList<>();
        List<Map<String, String>> failedValues = new ArrayList<>();
        for (Trial trial : trials) {
            double[] features = encoding.encode(trial.hyperParameters());
            if (features == null) {
                continue;
            }
            switch (trial.outcome()) {
                case PENDING -> pending.add(features);
                case FAILED -> {
                    failed.add(features);
                    failedValues.add(trial.hyperParameters());
                }
                case SUCCEEDED -> {
                    double value = trial.objective().orElse(Double.NaN);
                    if (Double.isFinite(value)) {
                        good.add(trial);
                        goodFeatures.add(features);
                    } else {
                        failed.add(features);
                        failedValues.add(trial.hyperParameters());
                    }
                }
            }
        }
        double[] raw = new double[good.size()];
        for (int i = 0; i < raw.length; i++) {
            double value = good.get(i).objective().getAsDouble();
            raw[i] = direction == ObjectiveType.Maximize ? -value : value;
        }
        capOutliers(raw);
        scaleHuge(raw);
        double mean = 0;
        for (double value : raw) {
            mean += value;
        }
        mean = raw.length == 0 ? 0 : mean / raw.length;
        double variance = 0;
        for (double value : raw) {
            variance += (value - mean) * (value - mean);
        }
        double sd = raw.length < 2 ? 1 : Math.sqrt(variance / (raw.length - 1));
        if (!(sd > 1e-12)) {
            sd = 1;
        }
        List<Entry> entries = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < raw.length; i++) {
            double target = (raw[i] - mean) / sd;
            worst = Math.max(worst, target);
            entries.add(new Entry(goodFeatures.get(i), target, good.get(i).hyperParameters(), true));
        }
        if (!entries.isEmpty()) {
            for (int i = 0; i < failed.size(); i++) {
                // a standard deviation worse than the worst job that worked, so "not here" outweighs the
                // uncertainty that would otherwise draw the next suggestion back to the same place
                entries.add(new Entry(failed.get(i), worst + 1, failedValues.get(i), false));
            }
        }
        return new Observations(entries, pending);
    }

    /**
     * Objectives near Double.MAX_VALUE (1e308) overflow the sums below to infinity, and the GP would learn
     * nothing. Standardising does not depend on the unit, so such values are divided by the largest
     * magnitude first; ordinary ones are left exactly as they are.
     */
    static void scaleHuge(double[] raw) {
        double largest = 0;
        for (double value : raw) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest > 1e150) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] /= largest;
            }
        }
    }

    /**
     * Pulls very bad values in to the upper Tukey fence (q75 + 1.5 IQR). A few disastrous jobs (AUC 0.5
     * at a learning rate of 0) would otherwise take most of the standardised scale, squash the
     * differences between the good jobs into noise, and leave the GP exploring corners. The order of
     * the values is kept, so "worse" stays worse.
     */
    static void capOutliers(double[] raw) {
        if (raw.length < 4) {
            return;
        }
        double[] sorted = raw.clone();
        java.util.Arrays.sort(sorted);
        double q25 = quantile(sorted, 0.25);
        double q75 = quantile(sorted, 0.75);
        double spread = q75 - q25;
        if (!(spread > 0)) {
            return;
        }
        double fence = q75 + 1.5 * spread;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] > fence) {
                // squeeze, not flatten: a logarithm of the excess keeps the worst distinguishable
                raw[i] = fence + 0.5 * spread * Math.log1p((raw[i] - fence) / spread);
            }
        }
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    int size() {
        return entries.size();
    }

    int succeeded() {
        return succeeded;
    }

    List<double[]> pending() {
        return pending;
    }

    double[][] inputs() {
        double[][] inputs = new double[entries.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = entries.get(i).features();
        }
        return inputs;
    }

    double[] targets() {
        double[] targets = new double[entries.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = entries.get(i).target();
        }
        return targets;
    }

    double bestTarget() {
        return entries.stream().filter(Entry::succeeded).mapToDouble(Entry::target).min().orElse(0);
    }

    /** The cube points of the {@code count} best successful configurations, best first. */
    List<double[]> bestUnits(SearchSpace space, int count) {
        return entries.stream().filter(Entry::succeeded).sorted(Comparator.comparingDouble(Entry::target)).limit(count)
                .map(e -> space.pointOf(e.values())).toList();
    }

    /** At most {@code limit} entries: the best half of the limit, then an even spread over the rest in history order. */
    Observations capped(int limit) {
        if (entries.size() <= limit) {
            return this;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> entries.get(i).target()));
        int best = limit / 2;
        boolean[] keep = new boolean[entries.size()];
        for (int i = 0; i < best; i++) {
            keep[order.get(i)] = true;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!keep[i]) {
                rest.add(i);
            }
        }
        int spread = limit - best;
        for (int k = 0; k < spread; k++) {
            keep[rest.get((int) ((long) k * rest.size() / spread))] = true;
        }
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (keep[i]) {
                kept.add(entries.get(i));
            }
        }
        return new Observations(kept, pending);
    }
}
