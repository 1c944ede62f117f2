package dev.hpo.engine.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On functions whose variance decomposition is known in closed form. */
class HyperparameterImportanceTest {
    private static final List<TunedRange> RANGES = List.of(
            new TunedRange("a", "Continuous", false, 0.0, 1.0, List.of()),
            new TunedRange("b", "Continuous", false, 0.0, 1.0, List.of()),
            new TunedRange("lr", "Continuous", true, 1e-4, 1.0, List.of()),
            new TunedRange("kind", "Categorical", false, null, null, List.of("x", "y", "z")));

    private static List<HyperparameterImportance.Observation> sample(int n, long seed, ToDoubleFunction<double[]> f) {
        Random random = new Random(seed);
        String[] kinds = {"x", "y", "z"};
        List<HyperparameterImportance.Observation> observations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble(), b = random.nextDouble(), u = random.nextDouble();
            double lr = Math.pow(10, -4 + 4 * u);
            int kind = random.nextInt(3);
            double y = f.applyAsDouble(new double[]{a, b, u, kind});
            observations.add(new HyperparameterImportance.Observation(Map.of("a", Double.toString(a), "b", Double.toString(b),
                    "lr", Double.toString(lr), "kind", kinds[kind]), y));
        }
        return observations;
    }

    private static double share(List<HyperparameterImportance.Importance> result, String name) {
        return result.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().share();
    }

    @Test
    void oneHyperparameterExplainsEverything() {
        var result = HyperparameterImportance.of(RANGES, sample(400, 1, x -> 3 * x[0]));
        assertEquals("a", result.get(0).name());
        // 10 equal-count bins of a uniform variable keep 1 - 1/10^2 of its variance
        assertEquals(0.99, share(result, "a"), 0.01);
        assertEquals(0, share(result, "b"), 0.02);
        assertEquals(0, share(result, "lr"), 0.02);
        assertEquals(0, share(result, "kind"), 0.02);
    }

    @Test
    void additiveEffectsSplitTheVarianceByTheirOwnVariance() {
        // var(a) = 1/12 and var(2b) = 4/12: a explains 1/5 of the objective's variance and b 4/5
        var result = HyperparameterImportance.of(RANGES, sample(2000, 2, x -> x[0] + 2 * x[1]));
        assertEquals(0.2, share(result, "a"), 0.03);
        assertEquals(0.8, share(result, "b"), 0.03);
        assertEquals(0, share(result, "kind"), 0.01);
    }

    @Test
    void aLogScaledRangeIsBinnedByRankSoItsEffectShowsWhateverTheAxis() {
        // linear in log10(lr): a linear binning of lr itself would put 90% of the jobs in the first bin
        var result = HyperparameterImportance.of(RANGES, sample(400, 3, x -> -Math.abs(4 * x[2] - 2)));
        assertEquals("lr", result.get(0).name());
        assertTrue(share(result, "lr") > 0.95, "lr explains the objective: " + result);
    }

    @Test
    void aCategoricalHyperparameterIsGroupedByValue() {
        // values 0, 1, 2 with equal probability plus independent noise of equal variance: 2/3 / (2/3 + 2/3) = 1/2
        Random noise = new Random(9);
        double sd = Math.sqrt(2.0 / 3);
        var result = HyperparameterImportance.of(RANGES, sample(3000, 4, x -> x[3] + sd * noise.nextGaussian()));
        assertEquals("kind", result.get(0).name());
        assertEquals(0.5, share(result, "kind"), 0.04);
    }

    @Test
    void pureNoiseCreditsNoHyperparameterEvenWithFewJobs() {
        Random noise = new Random(5);
        var result = HyperparameterImportance.of(RANGES, sample(20, 5, x -> noise.nextGaussian()));
        for (var importance : result) {
            assertTrue(importance.share() < 0.25, "an irrelevant hyperparameter scored " + importance);
        }
    }

    @Test
    void tooFewJobsGiveNoAnswerRatherThanANoisyOne() {
        assertTrue(HyperparameterImportance.of(RANGES, sample(HyperparameterImportance.MIN_OBSERVATIONS - 1, 6, x -> x[0])).isEmpty());
    }
}
