package dev.hpo.engine.strategy.bayes;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Finds a point of the search cube where the acquisition is high: scores random points and
 * perturbations of the best configurations so far, then polishes the best few with a compass search
 * (continuous and integer coordinates step up and down, halving the step when nothing improves;
 * categorical coordinates try every value). Derivative-free, so integer and categorical ranges need
 * no relaxation: every point scored is one the training job could actually receive.
 */
public final class AcquisitionSearch {
    private static final int RANDOM_CANDIDATES = 1000;
    private static final int PERTURBATIONS_PER_ANCHOR = 100;
    private static final double[] PERTURBATION_WIDTHS = {0.2, 0.05, 0.01};
    private static final int POLISHED_STARTS = 5;
    private static final double FIRST_STEP = 0.1;
    private static final double LAST_STEP = 0.002;

    private final SearchSpace space;
    private final boolean[] categorical;
    private final int[] categories;

    public AcquisitionSearch(SearchSpace space) {
        this.space = space;
        int d = space.dimensions();
        categorical = new boolean[d];
        categories = new int[d];
        for (int i = 0; i < d; i++) {
            ParameterRange range = space.ranges().get(i);
            if (range instanceof CategoricalRange c) {
                categorical[i] = true;
                categories[i] = c.values().size();
            }
        }
    }

    private record Scored(double[] point, double score) {
    }

    /** @param anchors points of the cube near which good configurations were found, best first */
    public double[] maximise(ToDoubleFunction<double[]> acquisition, List<double[]> anchors, SplittableRandom random) {
        return maximise(acquisition, anchors, random, TrustRegion.cube(space.dimensions()));
    }

    /** The same, over {@code region} only; anchors outside it are left out. */
    public double[] maximise(ToDoubleFunction<double[]> acquisition, List<double[]> anchors, SplittableRandom random, TrustRegion region) {
        int d = space.dimensions();
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            double[] point = new double[d];
            for (int j = 0; j < d; j++) {
                point[j] = region.at(j, random.nextDouble());
            }
            scored.add(new Scored(point, acquisition.applyAsDouble(point)));
        }
        for (double[] anchor : anchors) {
            if (!region.contains(anchor)) {
                continue;
            }
            for (int i = 0; i < PERTURBATIONS_PER_ANCHOR; i++) {
                double width = PERTURBATION_WIDTHS[i % PERTURBATION_WIDTHS.length];
                double[] point = anchor.clone();
                for (int j = 0; j < d; j++) {
                    if (categorical[j]) {
                        if (random.nextDouble() < 1.0 / d) {
                            point[j] = random.nextDouble();
                        }
                    } else {
                        // reflected, not clamped: clamping would put every step past a bound exactly on it
                        point[j] = region.reflect(j, point[j] + width * random.nextGaussian());
                    }
                }
                scored.add(new Scored(point, acquisition.applyAsDouble(point)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Scored best = scored.get(0);
        for (int start = 0; start < Math.min(POLISHED_STARTS, scored.size()); start++) {
            Scored polished = polish(acquisition, scored.get(start), region);
            if (polished.score() > best.score()) {
                best = polished;
            }
        }
        return best.point();
    }

    private Scored polish(ToDoubleFunction<double[]> acquisition, Scored start, TrustRegion region) {
        double[] point = start.point().clone();
        double score = start.score();
        int d = point.length;
        for (int j = 0; j < d; j++) {
            if (categorical[j]) {
                for (int k = 0; k < categories[j]; k++) {
                    double[] trial = point.clone();
                    trial[j] = (k + 0.5) / categories[j];
                    double value = acquisition.applyAsDouble(trial);
                    if (value > score) {
                        score = value;
                        point = trial;
                    }
                }
            }
        }
        double step = FIRST_STEP;
        while (step >= LAST_STEP) {
            boolean improved = false;
            for (int j = 0; j < d; j++) {
                if (categorical[j]) {
                    continue;
                }
                for (double direction : new double[] {1, -1}) {
                    double[] trial = point.clone();
                    trial[j] = point[j] + direction * step;
                    // a step past a bound is not taken: clamped, it would settle on the bound itself, where the
                    // surrogate's uncertainty is largest and where suggestions would pile up exactly
                    if (!region.contains(j, trial[j])) {
                        continue;
                    }
                    double value = acquisition.applyAsDouble(trial);
                    if (value > score) {
                        score = value;
                        point = trial;
                        improved = true;
                        break;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return new Scored(point, score);
    }

    /** Which coordinates are categorical (a trust region leaves them free). */
    public boolean[] categorical() {
        return categorical.clone();
    }
}
