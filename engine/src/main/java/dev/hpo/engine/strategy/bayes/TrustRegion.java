package dev.hpo.engine.strategy.bayes;

import java.util.Arrays;

/**
 * The box of the unit cube that the acquisition is maximised over: the whole cube, or a box around
 * a point (categorical coordinates always range over every value). Like TuRBO's trust regions
 * (Eriksson et al. 2019), a box keeps a suggestion where the surrogate has been checked against
 * results, here only for jobs suggested while others run.
 */
public record TrustRegion(double[] lower, double[] upper) {

    public TrustRegion {
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (!(0 <= lower[i] && lower[i] < upper[i] && upper[i] <= 1)) {
                throw new IllegalArgumentException("coordinate " + i + ": [" + lower[i] + ", " + upper[i] + "] is not a box of the unit cube");
            }
        }
    }

    public static TrustRegion cube(int dimensions) {
        double[] upper = new double[dimensions];
        Arrays.fill(upper, 1);
        return new TrustRegion(new double[dimensions], upper);
    }

    /** The box of half-width {@code radius} around {@code centre}, cut at the cube's faces; {@code free} coordinates span [0, 1]. */
    public static TrustRegion around(double[] centre, double radius, boolean[] free) {
        double[] lower = new double[centre.length];
        double[] upper = new double[centre.length];
        for (int i = 0; i < centre.length; i++) {
            lower[i] = free[i] ? 0 : Math.max(0, centre[i] - radius);
            upper[i] = free[i] ? 1 : Math.min(1, centre[i] + radius);
            if (!(upper[i] > lower[i])) {
                lower[i] = 0;
                upper[i] = 1;
            }
        }
        return new TrustRegion(lower, upper);
    }

    double width(int i) {
        return upper[i] - lower[i];
    }

    /** A uniform coordinate of the box from a uniform number in [0, 1). */
    double at(int i, double uniform) {
        return lower[i] + uniform * width(i);
    }

    boolean contains(int i, double x) {
        return lower[i] <= x && x <= upper[i];
    }

    boolean contains(double[] point) {
        for (int i = 0; i < point.length; i++) {
            if (!contains(i, point[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code x} folded back into the box at its faces, so a step past a face does not settle on it. */
    double reflect(int i, double x) {
        double w = width(i);
        double y = Math.abs(x - lower[i]) % (2 * w);
        return lower[i] + (y > w ? 2 * w - y : y);
    }
}
