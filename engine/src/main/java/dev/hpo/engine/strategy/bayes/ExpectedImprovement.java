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

    /**
     * log(z Phi(z) + phi(z)). Below z = -2 the sum cancels badly, so it is written as
     * phi(t) (1 - t R(t)) with t = -z and R(t) = Phi(-t) / phi(t), Mills' ratio, from its continued fraction
     * R(t) = 1 / (t + 1 / (t + 2 / (t + 3 / ...))).
     */
    static double logH(double z) {
        if (z > -2) {
            return Math.log(z * Normal.cdf(z) + Normal.pdf(z));
        }
        double t = -z;
        double fraction = t;
        for (int k = 80; k >= 1; k--) {
            fraction = t + k / fraction;
        }
        double mills = 1 / fraction;
        return -0.5 * t * t - LOG_SQRT_2PI + Math.log(1 - t * mills);
    }
}
