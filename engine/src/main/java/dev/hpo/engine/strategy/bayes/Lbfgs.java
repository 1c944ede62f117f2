package dev.hpo.engine.strategy.bayes;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search: minimises a smooth function of a
 * few variables from its value and gradient. Used for the GP hyperparameters, where each evaluation
 * is a Cholesky factorisation and a handful of iterations is enough.
 */
final class Lbfgs {

    /** A function that returns its value and writes its gradient. */
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    private static final int MEMORY = 6;

    private Lbfgs() {
    }

    static double[] minimise(Objective f, double[] start, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) {
            return x;
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] alpha = new double[MEMORY];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            // two-loop recursion: d = -H g
            double[] d = g.clone();
            for (int m = 0; m < stored; m++) {
                int k = Math.floorMod(newest - m, MEMORY);
                alpha[k] = rho[k] * dot(s[k], d);
                axpy(-alpha[k], y[k], d);
            }
            double gamma = stored > 0 ? dot(s[newest], y[newest]) / dot(y[newest], y[newest]) : 1 / Math.max(1, norm(g));
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int m = stored - 1; m >= 0; m--) {
                int k = Math.floorMod(newest - m, MEMORY);
                double beta = rho[k] * dot(y[k], d);
                axpy(alpha[k] - beta, s[k], d);
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double slope = dot(g, d);
            if (slope >= 0) {
                // not a descent direction (curvature information went stale): fall back to steepest descent
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] / Math.max(1, norm(g));
                }
                slope = dot(g, d);
                stored = 0;
            }
            double step = 1;
            double[] next = new double[n];
            double[] nextGradient = new double[n];
            double fNext = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 30; tries++) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + step * d[i];
                }
                fNext = f.valueAndGradient(next, nextGradient);
                if (Double.isFinite(fNext) && fNext <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = next[i] - x[i];
                yk[i] = nextGradient[i] - g[i];
            }
            double sy = dot(sk, yk);
            double improvement = fx - fNext;
            x = next;
            g = nextGradient;
            fx = fNext;
            if (sy > 1e-12) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            if (norm(g) < 1e-5 || improvement < 1e-9 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
