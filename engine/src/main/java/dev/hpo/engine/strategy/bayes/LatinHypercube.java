package dev.hpo.engine.strategy.bayes;

import java.util.SplittableRandom;

/**
 * The space-filling start: a Latin hypercube design (each dimension cut into n strata, each stratum
 * used once), the best of several by the smallest pairwise distance, so no two starting jobs are
 * near each other and every single hyperparameter is spread evenly.
 */
public final class LatinHypercube {
    private static final int CANDIDATE_DESIGNS = 32;

    private LatinHypercube() {
    }

    public static double[][] design(int points, int dimensions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] best = null;
        double bestDistance = -1;
        for (int candidate = 0; candidate < CANDIDATE_DESIGNS; candidate++) {
            double[][] design = one(points, dimensions, random);
            double distance = smallestDistance(design);
            if (distance > bestDistance) {
                bestDistance = distance;
                best = design;
            }
        }
        return best;
    }

    private static double[][] one(int points, int dimensions, SplittableRandom random) {
        double[][] design = new double[points][dimensions];
        int[] strata = new int[points];
        for (int d = 0; d < dimensions; d++) {
            for (int i = 0; i < points; i++) {
                strata[i] = i;
            }
            for (int i = points - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = strata[i];
                strata[i] = strata[j];
                strata[j] = swap;
            }
            for (int i = 0; i < points; i++) {
                design[i][d] = (strata[i] + random.nextDouble()) / points;
            }
        }
        return design;
    }

    static double smallestDistance(double[][] design) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < design.length; i++) {
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int d = 0; d < design[i].length; d++) {
                    double diff = design[i][d] - design[j][d];
                    sum += diff * diff;
                }
                smallest = Math.min(smallest, sum);
            }
        }
        return Math.sqrt(smallest);
    }
}
