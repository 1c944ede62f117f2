package dev.hpo.engine.strategy.bayes;

/**
 * The log marginal likelihood of the targets under a GP, log p(y | X, theta) =
 * -1/2 y^T K^-1 y - 1/2 log det K - n/2 log 2 pi, and its gradient in log-parameter space,
 * d/d theta_k = 1/2 tr((alpha alpha^T - K^-1) dK/d theta_k) with alpha = K^-1 y.
 */
final class MarginalLikelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[][] inputs;
    private final double[] targets;

    MarginalLikelihood(double[][] inputs, double[] targets) {
        this.inputs = inputs;
        this.targets = targets;
    }

    double value(KernelParameters parameters) {
        Cholesky cholesky = Cholesky.withJitter(GaussianProcess.covariance(inputs, parameters.kernel(), parameters.noiseVariance()));
        double[] alpha = cholesky.solve(targets);
        return -0.5 * dot(targets, alpha) - 0.5 * cholesky.logDeterminant() - 0.5 * targets.length * LOG_2PI;
    }

    /** The value, with the gradient written into {@code gradient} (length p + 2, the order of {@link KernelParameters#toLog}). */
    double valueAndGradient(KernelParameters parameters, double[] gradient) {
        int n = inputs.length;
        int p = parameters.lengthScales().length;
        Matern52Kernel kernel = parameters.kernel();
        double[][] k = GaussianProcess.covariance(inputs, kernel, parameters.noiseVariance());
        Cholesky cholesky = Cholesky.withJitter(k);
        double[] alpha = cholesky.solve(targets);
        double[][] inverse = cholesky.inverse();
        java.util.Arrays.fill(gradient, 0);
        double[] scaled = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                // W = alpha alpha^T - K^-1 is symmetric; off-diagonal pairs count twice
                double w = 2 * (alpha[i] * alpha[j] - inverse[i][j]);
                double r2 = 0;
                for (int d = 0; d < p; d++) {
                    double diff = (inputs[i][d] - inputs[j][d]) / parameters.lengthScales()[d];
                    scaled[d] = diff * diff;
                    r2 += scaled[d];
                }
                double factor = kernel.lengthScaleGradientFactor(Math.sqrt(r2)) * w;
                for (int d = 0; d < p; d++) {
                    gradient[d] += factor * scaled[d];
                }
                gradient[p] += w * kernel.ofDistance(Math.sqrt(r2));
            }
            double w = alpha[i] * alpha[i] - inverse[i][i];
            gradient[p] += w * kernel.signalVariance();
            gradient[p + 1] += w * parameters.noiseVariance();
        }
        for (int d = 0; d < p + 2; d++) {
            gradient[d] *= 0.5;
        }
        return -0.5 * dot(targets, alpha) - 0.5 * cholesky.logDeterminant() - 0.5 * n * LOG_2PI;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
