package dev.hpo.engine.strategy.bayes;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianProcessTest {

    @Test
    void maternKernelMatchesItsClosedForm() {
        Matern52Kernel kernel = new Matern52Kernel(new double[] {1, 2}, 1.5);
        // r = 1: (1 + sqrt5 + 5/3) exp(-sqrt5) = 0.5239941088318203
        assertEquals(1.5 * 0.5239941088318203, kernel.value(new double[] {0, 0}, new double[] {1, 0}), 1e-12);
        // r = 0.5 along the second axis, whose length scale is 2
        assertEquals(1.5 * 0.8286491424181253, kernel.value(new double[] {0, 0}, new double[] {0, 1}), 1e-12);
        assertEquals(1.5, kernel.value(new double[] {0.3, 0.3}, new double[] {0.3, 0.3}), 0);
    }

    @Test
    void oneObservationGivesTheTextbookPosterior() {
        KernelParameters parameters = new KernelParameters(new double[] {1}, 2.0, 0.5);
        GaussianProcess gp = GaussianProcess.fit(new double[][] {{0}}, new double[] {3}, parameters);
        double k = 2.0 * 0.5239941088318203; // k(0, 1)
        GaussianProcess.Prediction at1 = gp.predict(new double[] {1});
        assertEquals(k / 2.5 * 3, at1.mean(), 1e-12);
        assertEquals(2.0 - k * k / 2.5, at1.variance(), 1e-12);
        GaussianProcess.Prediction at0 = gp.predict(new double[] {0});
        assertEquals(2.0 / 2.5 * 3, at0.mean(), 1e-12);
        assertEquals(2.0 - 4.0 / 2.5, at0.variance(), 1e-12);
    }

    @Test
    void twoObservationsMatchAnExplicitTwoByTwoSolve() {
        KernelParameters parameters = new KernelParameters(new double[] {0.7}, 1.0, 0.01);
        Matern52Kernel kernel = parameters.kernel();
        double[][] x = {{0.1}, {0.6}};
        double[] y = {1.0, -2.0};
        GaussianProcess gp = GaussianProcess.fit(x, y, parameters);
        double a = 1.01;
        double b = kernel.value(x[0], x[1]);
        double det = a * a - b * b;
        double[] weights = {(a * y[0] - b * y[1]) / det, (a * y[1] - b * y[0]) / det};
        double[] at = {0.35};
        double k0 = kernel.value(at, x[0]);
        double k1 = kernel.value(at, x[1]);
        assertEquals(k0 * weights[0] + k1 * weights[1], gp.predict(at).mean(), 1e-12);
        double quadratic = (a * k0 * k0 - 2 * b * k0 * k1 + a * k1 * k1) / det;
        assertEquals(1.0 - quadratic, gp.predict(at).variance(), 1e-12);
    }

    @Test
    void marginalLikelihoodOfOnePointIsTheNormalDensity() {
        KernelParameters parameters = new KernelParameters(new double[] {0.3}, 1.2, 0.3);
        double value = new MarginalLikelihood(new double[][] {{0.5}}, new double[] {0.8}).value(parameters);
        double variance = 1.5;
        assertEquals(-0.5 * 0.64 / variance - 0.5 * Math.log(variance) - 0.5 * Math.log(2 * Math.PI), value, 1e-12);
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 3; d++) {
                x[i][d] = random.nextDouble();
            }
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][1] + 0.1 * random.nextDouble();
        }
        MarginalLikelihood likelihood = new MarginalLikelihood(x, y);
        double[] log = {Math.log(0.4), Math.log(0.9), Math.log(2.0), Math.log(1.3), Math.log(0.05)};
        double[] gradient = new double[5];
        likelihood.valueAndGradient(KernelParameters.fromLog(log), gradient);
        for (int k = 0; k < log.length; k++) {
            double h = 1e-6;
            double[] up = log.clone();
            double[] down = log.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (likelihood.value(KernelParameters.fromLog(up)) - likelihood.value(KernelParameters.fromLog(down))) / (2 * h);
            assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "component " + k);
        }
    }

    @Test
    void duplicatedPointsWithoutNoiseFactoriseWithJitter() {
        KernelParameters parameters = new KernelParameters(new double[] {0.5}, 1.0, 0);
        double[][] x = {{0.2}, {0.2}, {0.2}, {0.7}};
        GaussianProcess gp = GaussianProcess.fit(x, new double[] {1, 1.1, 0.9, -1}, parameters);
        GaussianProcess.Prediction prediction = gp.predict(new double[] {0.2});
        assertTrue(Double.isFinite(prediction.mean()) && Double.isFinite(prediction.variance()));
        assertEquals(1.0, prediction.mean(), 0.01);
        assertTrue(Cholesky.withJitter(GaussianProcess.covariance(x, parameters.kernel(), 0)).jitter() > 0);
    }

    @Test
    void choleskySolvesALinearSystem() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        Cholesky cholesky = Cholesky.withJitter(a);
        double[] x = cholesky.solve(new double[] {1, 2, 3});
        for (int i = 0; i < 3; i++) {
            assertEquals(new double[] {1, 2, 3}[i], a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2], 1e-12);
        }
        assertEquals(Math.log(4 * 5 * 3 + 2 * 1 * 0.4 * 2 - 0.4 * 5 * 0.4 - 4 * 1 * 1 - 2 * 2 * 3), cholesky.logDeterminant(), 1e-12);
        assertEquals(0, cholesky.jitter());
    }

    @Test
    void fittedLengthScalesTellRelevantFromIrrelevantDimensions() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[30][2];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            y[i] = Math.sin(6 * x[i][0]);
        }
        KernelParameters fitted = new KernelFit(2, 60).fit(x, standardised(y), 2, new SplittableRandom(1));
        assertTrue(fitted.lengthScales()[1] > 3 * fitted.lengthScales()[0],
                "the second input is irrelevant, so its length scale should be much longer: " + java.util.Arrays.toString(fitted.lengthScales()));
        assertTrue(fitted.noiseVariance() < 0.01, "the data are noiseless: " + fitted.noiseVariance());
    }

    private static double[] standardised(double[] y) {
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / (y.length - 1));
        return java.util.Arrays.stream(y).map(v -> (v - mean) / sd).toArray();
    }
}
