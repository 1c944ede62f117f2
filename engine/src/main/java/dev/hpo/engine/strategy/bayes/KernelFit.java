package dev.hpo.engine.strategy.bayes;

import java.util.SplittableRandom;

/**
 * Fits the kernel's hyperparameters by maximising the marginal likelihood plus a weak log-normal
 * prior on each (a MAP estimate). The prior keeps length scales and noise finite when a handful of
 * points cannot pin them down, which a plain maximum-likelihood fit does not.
 */
final class KernelFit {
    /** Prior centres and widths in log space, for inputs in the unit cube and standardised targets. */
    static final double LENGTH_SCALE_CENTRE = Math.log(0.5);
    static final double LENGTH_SCALE_WIDTH = 1.0;
    static final double SIGNAL_CENTRE = 0;
    static final double SIGNAL_WIDTH = 1.0;
    static final double NOISE_CENTRE = Math.log(1e-3);
    static final double NOISE_WIDTH = 2.0;
    static final double MIN_NOISE = 1e-6;

    private final int restarts;
    private final int iterations;

    KernelFit(int restarts, int iterations) {
        this.restarts = restarts;
        this.iterations = iterations;
    }

    KernelParameters fit(double[][] inputs, double[] targets, int dimensions, SplittableRandom random) {
        MarginalLikelihood likelihood = new MarginalLikelihood(inputs, targets);
        Lbfgs.Objective negativePosterior = (log, gradient) -> {
            KernelParameters parameters = KernelParameters.fromLog(clampNoise(log));
            double value;
            try {
                value = likelihood.valueAndGradient(parameters, gradient);
            } catch (ArithmeticException e) {
                return Double.POSITIVE_INFINITY;
            }
            value += logPrior(log, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return -value;
        };
        double[] best = priorCentre(dimensions);
        double bestValue = Double.POSITIVE_INFINITY;
        double[] scratch = new double[dimensions + 2];
        for (int start = 0; start <= restarts; start++) {
            double[] initial = priorCentre(dimensions);
            if (start > 0) {
                for (int i = 0; i < initial.length; i++) {
                    initial[i] += (random.nextDouble() - 0.5) * 2 * (i < dimensions ? LENGTH_SCALE_WIDTH : SIGNAL_WIDTH);
                }
            }
            double[] optimum = Lbfgs.minimise(negativePosterior, initial, iterations);
            double value = negativePosterior.valueAndGradient(optimum, scratch);
            if (value < bestValue) {
                bestValue = value;
                best = optimum;
            }
        }
        return KernelParameters.fromLog(clampNoise(best));
    }

    static double[] priorCentre(int dimensions) {
        double[] log = new double[dimensions + 2];
        for (int i = 0; i < dimensions; i++) {
            log[i] = LENGTH_SCALE_CENTRE;
        }
        log[dimensions] = SIGNAL_CENTRE;
        log[dimensions + 1] = NOISE_CENTRE;
        return log;
    }

    private static double[] clampNoise(double[] log) {
        double[] clamped = log.clone();
        clamped[log.length - 1] = Math.max(Math.log(MIN_NOISE), log[log.length - 1]);
        return clamped;
    }

    /** Adds the log prior's gradient into {@code gradient} and returns the log prior (up to a constant). */
    private static double logPrior(double[] log, double[] gradient) {
        int p = log.length - 2;
        double value = 0;
        for (int i = 0; i < log.length; i++) {
            double centre = i < p ? LENGTH_SCALE_CENTRE : i == p ? SIGNAL_CENTRE : NOISE_CENTRE;
            double width = i < p ? LENGTH_SCALE_WIDTH : i == p ? SIGNAL_WIDTH : NOISE_WIDTH;
            double z = (log[i] - centre) / width;
            value -= 0.5 * z * z;
            gradient[i] -= z / width;
        }
        return value;
    }
}
