package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reference values printed by numpy 1.24 ({@code numpy.random.RandomState(seed)}) and MT19937's published outputs. */
class PandasShuffleTest {

    @Test
    void mersenneTwisterGivesThePublishedFirstOutputs() {
        MersenneTwister reference = new MersenneTwister(5489); // the reference implementation's default seed
        assertEquals(3499211612L, reference.nextUnsigned());
        assertEquals(581869302L, reference.nextUnsigned());
        assertEquals(3890346734L, reference.nextUnsigned());
        MersenneTwister example = new MersenneTwister(1729);
        // RandomState(1729).randint(0, 2**32, dtype=np.uint64) and the next two raw outputs
        assertEquals(911214221L, example.nextUnsigned());
        assertEquals(2673937510L, example.nextUnsigned());
        assertEquals(1112474867L, example.nextUnsigned());
    }

    @Test
    void permutationIsNumpysLegacyPermutation() {
        assertArrayEquals(new int[] {0, 2, 4, 9, 1, 8, 7, 5, 3, 6}, PandasShuffle.permutation(10, 1729));
        assertArrayEquals(new int[] {1, 6, 8, 9, 13, 4, 2, 14, 10, 7, 16, 11, 3, 0, 5, 15, 12}, PandasShuffle.permutation(17, 0));
        assertArrayEquals(new int[] {1, 7, 6, 0, 5, 4, 2, 3}, PandasShuffle.permutation(8, 4294967295L));
        assertArrayEquals(new int[0], PandasShuffle.permutation(0, 1729));
        assertEquals(List.of("a", "c", "e", "j", "b", "i", "h", "f", "d", "g"),
                PandasShuffle.shuffled(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), 1729));
    }

    @Test
    void seedsOutsideNumpysRangeAreRefused() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new MersenneTwister(-1));
        assertEquals("seed must be between 0 and 4294967295, got -1", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MersenneTwister(1L << 32));
    }
}
