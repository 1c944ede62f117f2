package dev.hpo.xgboost;

/**
 * Counts of a binary classifier's outcomes at one threshold. A row is predicted positive when its
 * score is strictly above the threshold, as in XGBoost's {@code error} metric, so accuracy here is
 * {@code 1 - error} for the same threshold.
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public static ConfusionMatrix of(float[] labels, float[] scores, double threshold) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + scores.length + " scores");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean actual = labels[i] == 1f;
            if (!actual && labels[i] != 0f) {
                throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + ", expected 0 or 1");
            }
            boolean predicted = scores[i] > threshold;
            if (predicted) {
                if (actual) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) (truePositives + trueNegatives) / total;
    }
}
