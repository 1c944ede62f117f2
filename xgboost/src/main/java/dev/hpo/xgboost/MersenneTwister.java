package dev.hpo.xgboost;

/**
 * MT19937, the 32-bit Mersenne Twister of Matsumoto and Nishimura (1998), seeded with their
 * {@code init_genrand}. It is the generator behind numpy's legacy {@code RandomState(seed)} for an
 * integer seed, which is what pandas uses for {@code random_state=seed}; reproducing its stream is what
 * lets the example's data split be the one the Python example makes.
 */
final class MersenneTwister {
    static final long MAX_SEED = 0xffffffffL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] state = new int[N];
    private int next = N;

    /** @param seed 0 to 2^32 - 1, the range numpy accepts */
    MersenneTwister(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and " + MAX_SEED + ", got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i; // int overflow is the mod 2^32 the spec asks for
        }
    }

    /** The next output, an unsigned 32-bit value held in the low bits of a long. */
    long nextUnsigned() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        next = 0;
    }
}
