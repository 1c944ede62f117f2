package dev.hpo.engine.strategy.bayes;

import java.util.SplittableRandom;

/**
 * What the Bayesian strategy asks of its model: a Gaussian process fitted to standardised targets
 * (to be minimised), its prediction, fantasised observations for running jobs, and the log expected
 * improvement over an incumbent.
 */
public final class Surrogate {
    private final GaussianProcess gp;

    private Surrogate(GaussianProcess gp) {
        this.gp = gp;
    }

    /**
     * Fits the kernel's hyperparameters on {@code fitInputs} (a subset, to bound the cost), then
     * conditions the GP on all of {@code inputs}.
     */
    public static Surrogate fit(double[][] fitInputs, double[] fitTargets, double[][] inputs, double[] targets, int restarts,
                                SplittableRandom random) {
        int width = inputs[0].length;
        KernelParameters parameters = new KernelFit(restarts, 60).fit(fitInputs, fitTargets, width, random);
        return new Surrogate(GaussianProcess.fit(inputs, targets, parameters));
    }

    public double mean(double[] x) {
        return gp.predict(x).mean();
    }

    /** The kriging believer: the model as if {@code x} had been observed at its predicted mean. */
    public Surrogate believing(double[] x) {
        return new Surrogate(gp.with(x, gp.predict(x).mean()));
    }

    public double logExpectedImprovement(double[] x, double incumbent) {
        GaussianProcess.Prediction prediction = gp.predict(x);
        return ExpectedImprovement.logValue(prediction.mean(), prediction.standardDeviation(), incumbent);
    }
}
