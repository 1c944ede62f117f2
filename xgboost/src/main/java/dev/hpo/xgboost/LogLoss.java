package dev.hpo.xgboost;

/**
 * Mean binary cross-entropy of predicted probabilities, with probabilities clipped to
 * [1e-16, 1 - 1e-16] like XGBoost's {@code logloss}, so one confident mistake gives a large but finite
 * loss instead of infinity.
 */
public final class LogLoss {
    static final double EPSILON = 1e-16;

    private LogLoss() {
    }

    public static double of(float[] labels, float[] probabilities) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + probabilities.length + " predictions");
        }
        if (labels.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            double y = labels[i];
            sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
        return sum / labels.length;
    }
}
