package dev.hpo.xgboost;

import java.util.Arrays;

/**
 * Area under the ROC curve from the ranks of the scores (the Mann-Whitney U statistic): the chance
 * that a random positive scores above a random negative, ties counting one half.
 *
 * <p>Tied scores get the average of their ranks, which is the same as XGBoost's trapezoid over tied
 * groups; that is why the value agrees with the {@code validation-auc} XGBoost prints for the same
 * predictions, up to rounding in the last digits.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /**
     * @param labels 0 or 1 per row
     * @param scores any monotone score (probability or margin), no NaN
     * @return NaN when the labels hold only one class, where AUC is undefined (XGBoost says nan too)
     */
    public static double of(float[] labels, float[] scores) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + scores.length + " scores");
        }
        int n = scores.length;
        // Sort (score, row) pairs as primitive longs: the score's order-preserving bits above, the row below.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            float s = scores[i];
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("score of row " + i + " is NaN");
            }
            keys[i] = ((long) sortableBits(s) << 32) | i;
        }
        Arrays.sort(keys);

        long positives = 0;
        double positiveRankSum = 0;
        int start = 0;
        while (start < n) {
            int bits = (int) (keys[start] >> 32);
            int end = start;
            while (end + 1 < n && (int) (keys[end + 1] >> 32) == bits) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                float label = labels[(int) keys[k]];
                if (label == 1f) {
                    positives++;
                    positiveRankSum += averageRank;
                } else if (label != 0f) {
                    throw new IllegalArgumentException("label of row " + (int) keys[k] + " is " + label + ", expected 0 or 1");
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /** An int whose signed order is the float's order; -0 and +0 map to the same value, as they are equal. */
    private static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f == 0f ? 0f : f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
