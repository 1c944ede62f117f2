package dev.hpo.engine.strategy.bayes;

/**
 * A zero-mean Gaussian process conditioned on observations with Gaussian noise. Callers standardise
 * the targets first, so zero mean and a signal variance near 1 are the natural defaults.
 */
final class GaussianProcess {
    private final double[][] inputs;
    private final Matern52Kernel kernel;
    private final KernelParameters parameters;
    private final Cholesky cholesky;
    private final double[] weights;
    private final double[] targets;

    private GaussianProcess(double[][] inputs, double[] targets, KernelParameters parameters) {
        this.inputs = inputs;
        this.targets = targets;
        this.parameters = parameters;
        this.kernel = parameters.kernel();
        this.cholesky = Cholesky.withJitter(covariance(inputs, kernel, parameters.noiseVariance()));
        this.weights = cholesky.solve(targets);
    }

    static GaussianProcess fit(double[][] inputs, double[] targets, KernelParameters parameters) {
        return new GaussianProcess(inputs, targets, parameters);
    }

    static double[][] covariance(double[][] inputs, Matern52Kernel kernel, double noiseVariance) {
        int n = inputs.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double value = kernel.value(inputs[i], inputs[j]);
                k[i][j] = value;
                k[j][i] = value;
            }
            k[i][i] = kernel.signalVariance() + noiseVariance;
        }
        return k;
    }

    KernelParameters parameters() {
        return parameters;
    }

    int size() {
        return inputs.length;
    }

    /** The posterior mean and variance of the latent function (without observation noise) at {@code x}. */
    Prediction predict(double[] x) {
        int n = inputs.length;
        double[] cross = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            cross[i] = kernel.value(x, inputs[i]);
            mean += cross[i] * weights[i];
        }
        double[] v = cholesky.solveLower(cross);
        double explained = 0;
        for (double value : v) {
            explained += value * value;
        }
        return new Prediction(mean, Math.max(0, kernel.signalVariance() - explained));
    }

    /** The same model with {@code x} added as an observation of value {@code y}, keeping the hyperparameters. */
    GaussianProcess with(double[] x, double y) {
        int n = inputs.length;
        double[][] moreInputs = new double[n + 1][];
        System.arraycopy(inputs, 0, moreInputs, 0, n);
        moreInputs[n] = x;
        double[] moreTargets = new double[n + 1];
        System.arraycopy(targets, 0, moreTargets, 0, n);
        moreTargets[n] = y;
        return new GaussianProcess(moreInputs, moreTargets, parameters);
    }

    record Prediction(double mean, double variance) {
        double standardDeviation() {
            return Math.sqrt(variance);
        }
    }
}
