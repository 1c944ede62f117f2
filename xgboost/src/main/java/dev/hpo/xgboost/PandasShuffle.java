package dev.hpo.xgboost;

import java.util.ArrayList;
import java.util.List;

/**
 * The row order of pandas' {@code DataFrame.sample(frac=1, random_state=seed)}, the shuffle of
 * SageMaker's direct-marketing example.
 *
 * <p>pandas draws that sample as numpy's legacy {@code RandomState(seed).permutation(n)}: a
 * Fisher-Yates shuffle from the last position down, each swap partner drawn from MT19937 outputs
 * masked to the smallest covering power of two and redrawn while above the bound. Same seed, same
 * rows in the same splits as the Python example, so AUCs measured on those splits (SageMaker's,
 * Optuna's) are comparable with ours.
 */
final class PandasShuffle {
    private PandasShuffle() {
    }

    /** The rows in the order pandas returns them for {@code random_state=seed} (0 to 2^32 - 1). */
    static <T> List<T> shuffled(List<T> rows, long seed) {
        int[] order = permutation(rows.size(), seed);
        List<T> out = new ArrayList<>(rows.size());
        for (int i : order) {
            out.add(rows.get(i));
        }
        return out;
    }

    /** numpy's {@code RandomState(seed).permutation(n)}. */
    static int[] permutation(int n, long seed) {
        MersenneTwister random = new MersenneTwister(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = boundedDraw(random, i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Uniform on 0..max by rejection, as numpy's legacy bounded integers draw it (max below 2^31 here). */
    private static int boundedDraw(MersenneTwister random, int max) {
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = random.nextUnsigned() & mask;
        } while (value > max);
        return (int) value;
    }
}
