package dev.hpo.engine.strategy.bayes;

/**
 * The Matern 5/2 covariance with one length scale per input dimension (automatic relevance
 * determination): k(x, x') = s (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r), r^2 = sum ((x_i - x'_i) / l_i)^2.
 * Twice differentiable, so the surrogate is smooth without being as overconfident as a squared exponential.
 */
final class Matern52Kernel {
    private static final double SQRT5 = Math.sqrt(5);

    private final double[] lengthScales;
    private final double signalVariance;

    Matern52Kernel(double[] lengthScales, double signalVariance) {
        this.lengthScales = lengthScales.clone();
        this.signalVariance = signalVariance;
    }

    double signalVariance() {
        return signalVariance;
    }

    double value(double[] a, double[] b) {
        return ofDistance(Math.sqrt(scaledSquaredDistance(a, b)));
    }

    double ofDistance(double r) {
        double sr = SQRT5 * r;
        return signalVariance * (1 + sr + sr * sr / 3) * Math.exp(-sr);
    }

    double scaledSquaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < lengthScales.length; i++) {
            double d = (a[i] - b[i]) / lengthScales[i];
            sum += d * d;
        }
        return sum;
    }

    /**
     * d k / d log l_i = s 5/3 (1 + sqrt5 r) exp(-sqrt5 r) ((x_i - x'_i) / l_i)^2; the common factor
     * s 5/3 (1 + sqrt5 r) exp(-sqrt5 r) is returned, the caller multiplies by the dimension's term.
     */
    double lengthScaleGradientFactor(double r) {
        double sr = SQRT5 * r;
        return signalVariance * 5.0 / 3.0 * (1 + sr) * Math.exp(-sr);
    }

    double lengthScale(int dimension) {
        return lengthScales[dimension];
    }

    int dimensions() {
        return lengthScales.length;
    }
}
