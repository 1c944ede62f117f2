package dev.hpo.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs only with -Pbench: the functions' known optima, and one tiny run through the tuner. */
class SyntheticFunctionsTest {

    @Test
    void knownOptima() {
        assertEquals(Branin.OPTIMUM, Branin.value(Math.PI, 2.275), 1e-6);
        assertEquals(Branin.OPTIMUM, Branin.value(-Math.PI, 12.275), 1e-6);
        assertEquals(Hartmann6.OPTIMUM, Hartmann6.value(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}), 1e-4);
        assertEquals(0, new MixedSpace().evaluate(java.util.Map.of("learning_rate", "0.01", "subsample", "0.8", "depth", "6",
                "booster", "dart")), 1e-12);
    }

    @Test
    void aSmallRunGoesThroughTheTuner() throws Exception {
        double[] values = SyntheticRun.run(new Branin(), "Bayesian", 8, 2, 1);
        assertEquals(8, values.length);
        double regret = SyntheticRun.regretAt(values, 8, Branin.OPTIMUM);
        assertTrue(regret >= 0 && Double.isFinite(regret), "regret " + regret);
    }

    @Test
    void quartilesInterpolateLikeNumpy() {
        Quartiles q = Quartiles.of(new double[] {4, 1, 3, 2});
        assertEquals(1.75, q.q25(), 1e-12);
        assertEquals(2.5, q.median(), 1e-12);
        assertEquals(3.25, q.q75(), 1e-12);
    }
}
