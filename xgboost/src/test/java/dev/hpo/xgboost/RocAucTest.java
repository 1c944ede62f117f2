package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocAucTest {
    private static final double EXACT = 1e-12;

    private static float[] f(double... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Test
    void perfectRankingIsOne() {
        assertEquals(1.0, RocAuc.of(f(0, 0, 1, 1), f(0.1, 0.2, 0.8, 0.9)), EXACT);
    }

    @Test
    void reversedRankingIsZero() {
        assertEquals(0.0, RocAuc.of(f(1, 1, 0, 0), f(0.1, 0.2, 0.8, 0.9)), EXACT);
    }

    @Test
    void allScoresTiedIsOneHalf() {
        assertEquals(0.5, RocAuc.of(f(1, 0, 1, 0, 0), f(0.3, 0.3, 0.3, 0.3, 0.3)), EXACT);
    }

    @Test
    void handCountedPairsWithoutTies() {
        // positives 0.9, 0.7, 0.5; negatives 0.8, 0.6: pairs won 2 + 1 + 0 = 3 of 6
        assertEquals(3.0 / 6, RocAuc.of(f(1, 0, 1, 0, 1), f(0.9, 0.8, 0.7, 0.6, 0.5)), EXACT);
    }

    @Test
    void aTieBetweenAPositiveAndANegativeCountsOneHalf() {
        // positives 0.3, 0.9; negatives 0.3, 0.1: (0.5 + 1) + (1 + 1) = 3.5 of 4
        assertEquals(3.5 / 4, RocAuc.of(f(0, 1, 0, 1), f(0.3, 0.3, 0.1, 0.9)), EXACT);
    }

    @Test
    void tiedGroupsMixingBothClasses() {
        // positives 0.5, 0.5, 0.8; negatives 0.5, 0.2, 0.8
        // each 0.5 positive: 0.5 + 1 + 0 = 1.5; the 0.8 positive: 1 + 1 + 0.5 = 2.5; total 5.5 of 9
        assertEquals(5.5 / 9, RocAuc.of(f(1, 1, 0, 0, 1, 0), f(0.5, 0.5, 0.5, 0.2, 0.8, 0.8)), EXACT);
    }

    @Test
    void negativeAndPositiveZeroAreTheSameScore() {
        assertEquals(0.5, RocAuc.of(f(1, 0), new float[] {-0f, 0f}), EXACT);
    }

    @Test
    void negativeScoresSortBelowPositiveOnes() {
        // margins rather than probabilities
        assertEquals(1.0, RocAuc.of(f(0, 0, 1, 1), f(-3, -0.5, 0.25, 7)), EXACT);
    }

    @Test
    void oneClassOnlyIsUndefined() {
        assertTrue(Double.isNaN(RocAuc.of(f(1, 1, 1), f(0.1, 0.2, 0.3))));
        assertTrue(Double.isNaN(RocAuc.of(f(0, 0), f(0.1, 0.2))));
    }

    @Test
    void agreesWithCountingEveryPairOnDataFullOfTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + random.nextInt(200);
            float[] labels = new float[n];
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(3) == 0 ? 1 : 0;
                scores[i] = random.nextInt(10) / 10f; // ten distinct values: many ties
            }
            labels[0] = 1;
            labels[1] = 0;
            assertEquals(pairwise(labels, scores), RocAuc.of(labels, scores), EXACT, "trial " + trial);
        }
    }

    private static double pairwise(float[] labels, float[] scores) {
        double won = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    won += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return won / pairs;
    }

    @Test
    void rejectsLabelsOtherThanZeroAndOne() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(f(0, 2), f(0.1, 0.2)));
    }

    @Test
    void rejectsNaNScoresAndLengthMismatch() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(f(0, 1), new float[] {0.1f, Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(f(0, 1), f(0.1)));
    }
}
