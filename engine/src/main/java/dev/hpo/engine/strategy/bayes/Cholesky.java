package dev.hpo.engine.strategy.bayes;

/**
 * The lower-triangular factor L of a symmetric positive definite matrix A = L L^T, and the solves
 * that use it. Duplicated or nearly duplicated training points make A singular in floating point,
 * so {@link #withJitter} adds a growing multiple of the identity until the factorisation succeeds.
 */
final class Cholesky {
    private final double[][] lower;
    private final double jitter;

    private Cholesky(double[][] lower, double jitter) {
        this.lower = lower;
        this.jitter = jitter;
    }

    /** Factorises {@code a} (only its lower triangle is read), retrying with jitter 1e-10, 1e-9, ... of the mean diagonal. */
    static Cholesky withJitter(double[][] a) {
        int n = a.length;
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += a[i][i];
        }
        meanDiagonal = n == 0 ? 1 : Math.max(meanDiagonal / n, 1e-300);
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[][] l = decompose(a, jitter);
            if (l != null) {
                return new Cholesky(l, jitter);
            }
            jitter = meanDiagonal * Math.pow(10, -10 + attempt);
        }
        throw new ArithmeticException("matrix is not positive definite even with jitter " + jitter);
    }

    private static double[][] decompose(double[][] a, double jitter) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[i + 1];
            l[i] = li;
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                double sum = a[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return null;
                    }
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return l;
    }

    int size() {
        return lower.length;
    }

    /** The jitter that was needed (0 when A factorised as given). */
    double jitter() {
        return jitter;
    }

    /** Solves L x = b. */
    double[] solveLower(double[] b) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double[] li = lower[i];
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= li[k] * x[k];
            }
            x[i] = sum / li[i];
        }
        return x;
    }

    /** Solves L^T x = b. */
    double[] solveUpper(double[] b) {
        int n = lower.length;
        double[] x = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            x[i] /= lower[i][i];
            double xi = x[i];
            double[] li = lower[i];
            for (int k = 0; k < i; k++) {
                x[k] -= li[k] * xi;
            }
        }
        return x;
    }

    /** Solves A x = b. */
    double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** log det A = 2 sum log L_ii. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2 * sum;
    }

    /** A^-1, needed for the gradient of the marginal likelihood. */
    double[][] inverse() {
        int n = lower.length;
        double[][] inverse = new double[n][n];
        double[] unit = new double[n];
        for (int j = 0; j < n; j++) {
            unit[j] = 1;
            double[] column = solve(unit);
            unit[j] = 0;
            for (int i = 0; i < n; i++) {
                inverse[i][j] = column[i];
            }
        }
        return inverse;
    }
}
