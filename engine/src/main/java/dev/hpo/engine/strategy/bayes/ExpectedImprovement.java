package dev.hpo.engine.strategy.bayes;

/**
 * Expected improvement below the incumbent for a Gaussian prediction (minimisation):
 * EI = sigma (z Phi(z) + phi(z)), z = (best - mu) / sigma. The log form stays informative far from
 * the incumbent, where EI itself underflows to 0 and would leave the optimiser on a flat plateau.
 */
final class ExpectedImprovement {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private ExpectedImprovement() {
    }

    static double value(double mean, double standardDeviation, double best) {
        if (standardDeviation <= 0) {
            return Math.max(0, best - mean);
        }
        double z = (best - mean) / standardDeviation;
        return standardDeviation * (z * Normal.cdf(z) + Normal.pdf(z));
    }

    static double logValue(double mean, double standardDeviation, double best) {
        if (standardDeviation <= 1e-12) {
            double gain = best - mean;
            return gain > 0 ? Math.log(gain) : Double.NEGATIVE_INFINITY;
        }
        double z = (best - mean) / standardDeviation;
        return Math.log(standardDeviation) + logH(z);
    }

    /** log(z Phi(z) + phi(z)), with the asymptotic series phi(z) / z^2 (1 - 3/z^2 + 15/z^4) for very negative z. */
    static double logH(double z) {
        if (z > -6) {
            return Math.log(z * Normal.cdf(z) + Normal.pdf(z));
        }
        double z2 = z * z;
        return -0.5 * z2 - LOG_SQRT_2PI - Math.log(z2) + Math.log1p(-3 / z2 + 15 / (z2 * z2));
    }
}
