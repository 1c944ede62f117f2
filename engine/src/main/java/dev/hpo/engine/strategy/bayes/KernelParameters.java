package dev.hpo.engine.strategy.bayes;

/**
 * The Gaussian process's hyperparameters. They are fitted in log space, where all are unconstrained:
 * the vector is (log l_1, ..., log l_p, log signal variance, log noise variance).
 */
record KernelParameters(double[] lengthScales, double signalVariance, double noiseVariance) {

    KernelParameters {
        lengthScales = lengthScales.clone();
    }

    static KernelParameters fromLog(double[] log) {
        int p = log.length - 2;
        double[] scales = new double[p];
        for (int i = 0; i < p; i++) {
            scales[i] = Math.exp(log[i]);
        }
        return new KernelParameters(scales, Math.exp(log[p]), Math.exp(log[p + 1]));
    }

    double[] toLog() {
        int p = lengthScales.length;
        double[] log = new double[p + 2];
        for (int i = 0; i < p; i++) {
            log[i] = Math.log(lengthScales[i]);
        }
        log[p] = Math.log(signalVariance);
        log[p + 1] = Math.log(noiseVariance);
        return log;
    }

    Matern52Kernel kernel() {
        return new Matern52Kernel(lengthScales, signalVariance);
    }
}
