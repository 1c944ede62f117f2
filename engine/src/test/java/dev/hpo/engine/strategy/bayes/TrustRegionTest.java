package dev.hpo.engine.strategy.bayes;

import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustRegionTest {

    @Test
    void aBoxAroundAPointIsCutAtTheCubesFacesAndLeavesFreeCoordinatesWhole() {
        TrustRegion region = TrustRegion.around(new double[] {0.05, 0.5, 0.3}, 0.1, new boolean[] {false, false, true});
        assertArrayEquals(new double[] {0, 0.4, 0}, region.lower(), 1e-15);
        assertArrayEquals(new double[] {0.15, 0.6, 1}, region.upper(), 1e-15);
    }

    @Test
    void stepsPastAFaceAreFoldedBackInsideNotOntoTheFace() {
        TrustRegion region = new TrustRegion(new double[] {0.4}, new double[] {0.6});
        assertEquals(0.55, region.reflect(0, 0.65), 1e-12);
        assertEquals(0.45, region.reflect(0, 0.35), 1e-12);
        assertEquals(0.5, region.reflect(0, 0.5), 1e-12);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double folded = region.reflect(0, 0.5 + 3 * random.nextGaussian());
            assertTrue(region.contains(0, folded), "folded to " + folded);
        }
    }

    @Test
    void aBoxOutsideTheCubeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrustRegion(new double[] {0.5}, new double[] {1.5}));
        assertTrue(e.getMessage().contains("coordinate 0"), e.getMessage());
    }

    @Test
    void theAcquisitionIsMaximisedInsideTheRegionEvenWhenItsPeakLiesOutside() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("a", 0, 1, ScalingType.Auto),
                new CategoricalRange("kind", List.of("x", "y"))));
        AcquisitionSearch search = new AcquisitionSearch(space);
        // peak at a = 0.9, kind = y; the region allows a in [0.1, 0.3] only, any kind
        TrustRegion region = TrustRegion.around(new double[] {0.2, 0.25}, 0.1, search.categorical());
        double[] best = search.maximise(p -> -Math.abs(p[0] - 0.9) - (p[1] > 0.5 ? 0 : 1), List.of(new double[] {0.2, 0.25}),
                new SplittableRandom(1), region);
        assertTrue(best[0] >= 0.1 && best[0] <= 0.3, "a = " + best[0]);
        assertTrue(best[0] > 0.29, "the best the region allows is its upper face region: a = " + best[0]);
        assertTrue(best[1] > 0.5, "categorical coordinates stay free: " + best[1]);
    }
}
