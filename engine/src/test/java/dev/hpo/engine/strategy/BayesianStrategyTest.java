package dev.hpo.engine.strategy;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ScalingType;
import dev.hpo.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BayesianStrategyTest {
    private static final SearchSpace BRANIN = new SearchSpace(List.of(
            new ContinuousRange("x1", -5, 10, ScalingType.Auto), new ContinuousRange("x2", 0, 15, ScalingType.Auto)));
    private static final ToDoubleFunction<Map<String, String>> BRANIN_VALUE = hp -> {
        double x1 = Double.parseDouble(hp.get("x1"));
        double x2 = Double.parseDouble(hp.get("x2"));
        double u = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    };
    private static final double BRANIN_MINIMUM = 0.397887;

    @Test
    void startsWithALatinHypercube() {
        Strategy strategy = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 5, List.of(), 5);
        boolean[][] strata = new boolean[2][5];
        for (int i = 0; i < 5; i++) {
            double[] point = BRANIN.pointOf(strategy.suggest(i, List.of()).orElseThrow());
            for (int d = 0; d < 2; d++) {
                strata[d][(int) Math.min(4, Math.floor(point[d] * 5))] = true;
            }
        }
        for (boolean[] dimension : strata) {
            for (boolean used : dimension) {
                assertTrue(used, "every fifth of every axis gets exactly one starting job");
            }
        }
    }

    @Test
    void findsBraninsMinimumFarBetterThanRandomSearch() {
        double bayesian = bestAfter(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 11, List.of(), 5), 25);
        double random = bestAfter(new RandomStrategy(BRANIN, 11), 25);
        assertTrue(bayesian - BRANIN_MINIMUM < 0.1, "regret after 25 jobs: " + (bayesian - BRANIN_MINIMUM));
        assertTrue(bayesian - BRANIN_MINIMUM < (random - BRANIN_MINIMUM) / 5, "bayesian " + bayesian + ", random " + random);
    }

    @Test
    void maximisingTheNegatedFunctionTakesTheSameSteps() {
        ToDoubleFunction<Map<String, String>> negated = hp -> -BRANIN_VALUE.applyAsDouble(hp);
        List<Trial> maximised = run(new BayesianStrategy(BRANIN, ObjectiveType.Maximize, 3, List.of(), 5), negated, 8);
        List<Trial> minimised = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 3, List.of(), 5), BRANIN_VALUE, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(minimised.get(i).hyperParameters(), maximised.get(i).hyperParameters(), "job " + i);
        }
    }

    @Test
    void sameSeedSameSequence() {
        List<Trial> first = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 42, List.of(), 5), BRANIN_VALUE, 10);
        List<Trial> second = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 42, List.of(), 5), BRANIN_VALUE, 10);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).hyperParameters(), second.get(i).hyperParameters(), "job " + i);
        }
        List<Trial> other = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 43, List.of(), 5), BRANIN_VALUE, 6);
        assertNotEquals(first.get(5).hyperParameters(), other.get(5).hyperParameters());
    }

    @Test
    void parallelSuggestionsDoNotPileOntoTheRunningJob() {
        BayesianStrategy strategy = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 8, List.of(), 5);
        List<Trial> history = run(strategy, BRANIN_VALUE, 12);
        Map<String, String> first = strategy.suggest(12, history).orElseThrow();
        List<Trial> withPending = new ArrayList<>(history);
        withPending.add(Trial.pending(12, first));
        Map<String, String> second = strategy.suggest(13, withPending).orElseThrow();
        withPending.add(Trial.pending(13, second));
        Map<String, String> third = strategy.suggest(14, withPending).orElseThrow();
        double[] a = BRANIN.pointOf(first);
        double[] b = BRANIN.pointOf(second);
        double[] c = BRANIN.pointOf(third);
        assertTrue(distance(a, b) > 0.02 && distance(a, c) > 0.02 && distance(b, c) > 0.02,
                "three suggestions with the others running: " + first + ", " + second + ", " + third);
    }

    @Test
    void aRunningBatchPushesTheNextSuggestionAwayFromIt() {
        BayesianStrategy strategy = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 8, List.of(), 5);
        List<Trial> history = run(strategy, BRANIN_VALUE, 12);
        // where job 14 would go with nothing running, and the batch that then takes that very spot
        Map<String, String> alone = strategy.suggest(14, history).orElseThrow();
        List<Trial> withBatch = new ArrayList<>(history);
        withBatch.add(Trial.pending(12, alone));
        Map<String, String> second = strategy.suggest(14, withBatch).orElseThrow();
        withBatch.add(Trial.pending(13, second));
        Map<String, String> third = strategy.suggest(14, withBatch).orElseThrow();
        double[] a = BRANIN.pointOf(alone);
        double[] b = BRANIN.pointOf(second);
        double[] c = BRANIN.pointOf(third);
        assertTrue(distance(a, b) > 0.1, "one running at " + alone + ", next at " + second);
        assertTrue(distance(a, c) > 0.1 && distance(b, c) > 0.1, "two running at " + alone + " and " + second + ", next at " + third);
        assertEquals(alone, strategy.suggest(14, history).orElseThrow(), "nothing running: the sequential suggestion is unchanged");
    }

    @Test
    void whileJobsRunTwoSuggestionsInThreeStayNearTheBestAndTheThirdSearchesEverywhere() {
        BayesianStrategy parallel = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 8, List.of(), 5, 3);
        BayesianStrategy sequential = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 8, List.of(), 5);
        List<Trial> history = run(sequential, BRANIN_VALUE, 12);
        Trial best = history.stream().min(Comparator.comparingDouble(t -> t.objective().orElseThrow())).orElseThrow();
        double[] centre = BRANIN.pointOf(best.hyperParameters());

        assertEquals(sequential.suggest(13, history), parallel.suggest(13, history), "nothing running: as a sequential run");
        List<Trial> running = new ArrayList<>(history);
        running.add(Trial.pending(12, parallel.suggest(12, running).orElseThrow()));
        for (int index = 13; index <= 14; index++) {
            Map<String, String> next = parallel.suggest(index, running).orElseThrow();
            double[] point = BRANIN.pointOf(next);
            for (int d = 0; d < 2; d++) {
                assertTrue(Math.abs(point[d] - centre[d]) <= BayesianStrategy.NEAR_BEST + 1e-12,
                        "job " + index + " at " + next + ", best so far " + best.hyperParameters());
            }
            running.add(Trial.pending(index, next));
        }
        assertEquals(sequential.suggest(15, running), parallel.suggest(15, running),
                "job 15, one in three: the whole space, with the running jobs believed as before");
    }

    /** A repeated configuration teaches nothing: on a finite space each is tried once, running ones included. */
    @Test
    void onAFiniteSpaceNoConfigurationRunsTwiceAndTheSearchEndsWhenAllWereTried() {
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("a", 0, 3, ScalingType.Auto),
                new IntegerRange("b", 0, 1, ScalingType.Auto)));
        ToDoubleFunction<Map<String, String>> f = hp -> Math.abs(Integer.parseInt(hp.get("a")) - 2) + Integer.parseInt(hp.get("b"));
        BayesianStrategy strategy = new BayesianStrategy(space, ObjectiveType.Minimize, 7, List.of(), 4, 4);
        List<Trial> history = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            // four at a time: each suggestion sees up to three running jobs
            Map<String, String> next = strategy.suggest(index, history).orElseThrow(() -> new AssertionError("ended early"));
            history.add(Trial.pending(index, next));
            if (index % 4 == 3) {
                history.replaceAll(t -> t.outcome() == Trial.Outcome.PENDING
                        ? new Trial(t.index(), t.hyperParameters(), Trial.Outcome.SUCCEEDED, OptionalDouble.of(f.applyAsDouble(t.hyperParameters())))
                        : t);
            }
        }
        assertEquals(8, history.stream().map(Trial::hyperParameters).distinct().count(), history.toString());
        assertTrue(strategy.suggest(8, history).isEmpty(), "all 8 configurations were tried");

        SearchSpace single = new SearchSpace(List.of(new IntegerRange("x", 3, 3, ScalingType.Auto)));
        BayesianStrategy one = new BayesianStrategy(single, ObjectiveType.Minimize, 1, List.of(), 5);
        Map<String, String> only = one.suggest(0, List.of()).orElseThrow();
        assertTrue(one.suggest(1, List.of(new Trial(0, only, Trial.Outcome.SUCCEEDED, OptionalDouble.of(1)))).isEmpty());
    }

    /** 2^53 x 2^53 combinations overflow a long: the space is then "more than any count", not used up. */
    @Test
    void aFiniteSpaceTooLargeToCountStillGetsSuggestions() {
        long big = 9_007_199_254_740_992L;
        SearchSpace space = new SearchSpace(List.of(new IntegerRange("a", 1, big, ScalingType.Auto),
                new IntegerRange("b", 1, big, ScalingType.Auto)));
        assertEquals(Long.MAX_VALUE, new GridStrategy(space).size());
        BayesianStrategy strategy = new BayesianStrategy(space, ObjectiveType.Minimize, 3, List.of(), 4, 3);
        List<Trial> history = run(strategy, hp -> Math.abs(Double.parseDouble(hp.get("a")) / big - 0.3), 8);
        assertEquals(8, history.size());
        assertTrue(strategy.suggest(8, history).isPresent());
    }

    @Test
    void failedJobsSteerTheSearchAwayFromWhereTheyFailed() {
        // jobs with x1 > 5 crash; the minimum at (9.42, 2.475) lies in that region, the other two do not
        ToDoubleFunction<Map<String, String>> crashing = hp -> Double.parseDouble(hp.get("x1")) > 5 ? Double.NaN : BRANIN_VALUE.applyAsDouble(hp);
        List<Trial> history = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 4, List.of(), 5), crashing, 30);
        long failures = history.subList(10, 30).stream().filter(t -> t.outcome() == Trial.Outcome.FAILED).count();
        assertTrue(failures <= 4, "after the start, " + failures + " of 20 jobs went where jobs crash");
        double best = history.stream().filter(t -> t.outcome() == Trial.Outcome.SUCCEEDED)
                .mapToDouble(t -> t.objective().getAsDouble()).min().orElseThrow();
        assertTrue(best - BRANIN_MINIMUM < 0.2, "best " + best);
    }

    @Test
    void everyJobFailingStillYieldsSuggestions() {
        List<Trial> history = run(new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 4, List.of(), 5), hp -> Double.NaN, 8);
        assertEquals(8, history.size());
        assertEquals(8, history.stream().map(Trial::hyperParameters).distinct().count());
    }

    @Test
    void duplicatesAndNoisyValuesDoNotBreakTheModel() {
        List<Trial> history = new ArrayList<>();
        Map<String, String> same = Map.of("x1", "2.0", "x2", "3.0");
        for (int i = 0; i < 15; i++) {
            history.add(new Trial(i, same, Trial.Outcome.SUCCEEDED, OptionalDouble.of(5 + (i % 3) * 0.1)));
        }
        history.add(new Trial(15, Map.of("x1", "-4.0", "x2", "14.0"), Trial.Outcome.SUCCEEDED, OptionalDouble.of(20)));
        Map<String, String> next = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 1, List.of(), 5).suggest(16, history).orElseThrow();
        assertNotEquals(same, next);
    }

    @Test
    void mixedSpaceSuggestionsAreValuesTheRangesAllow() {
        SearchSpace space = new SearchSpace(List.of(
                new ContinuousRange("eta", 0.001, 1, ScalingType.Logarithmic),
                new IntegerRange("depth", 1, 10, ScalingType.Auto),
                new CategoricalRange("booster", List.of("gbtree", "gblinear", "dart"))));
        ToDoubleFunction<Map<String, String>> f = hp -> {
            double eta = Math.log10(Double.parseDouble(hp.get("eta"))) + 2;
            int depth = Integer.parseInt(hp.get("depth"));
            return eta * eta + (depth - 4) * (depth - 4) * 0.1 + (hp.get("booster").equals("dart") ? 0 : 1);
        };
        List<Trial> history = run(new BayesianStrategy(space, ObjectiveType.Minimize, 2, List.of(), 6), f, 30);
        for (Trial trial : history) {
            int depth = Integer.parseInt(trial.hyperParameters().get("depth"));
            assertTrue(depth >= 1 && depth <= 10);
            assertTrue(List.of("gbtree", "gblinear", "dart").contains(trial.hyperParameters().get("booster")));
        }
        double best = history.stream().mapToDouble(t -> t.objective().getAsDouble()).min().orElseThrow();
        assertTrue(best < 0.15, "best " + best);
    }

    @Test
    void warmStartParentsReplaceTheSpaceFillingStart() {
        List<Trial> parents = run(new RandomStrategy(BRANIN, 9), BRANIN_VALUE, 15);
        List<Trial> asParents = new ArrayList<>();
        for (Trial trial : parents) {
            asParents.add(new Trial(-1 - trial.index(), trial.hyperParameters(), trial.outcome(), trial.objective()));
        }
        BayesianStrategy warm = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 9, asParents, 5);
        BayesianStrategy cold = new BayesianStrategy(BRANIN, ObjectiveType.Minimize, 9, List.of(), 5);
        assertNotEquals(cold.suggest(0, List.of()), warm.suggest(0, List.of()), "the first job already comes from the model");
        double warmBest = bestAfter(warm, 10);
        double coldBest = bestAfter(cold, 10);
        assertTrue(warmBest < coldBest, "10 jobs after 15 parents' jobs (" + warmBest + ") beat 10 jobs from scratch (" + coldBest + ")");
    }

    private static double bestAfter(Strategy strategy, int jobs) {
        return run(strategy, BRANIN_VALUE, jobs).stream().mapToDouble(t -> t.objective().getAsDouble()).min().orElseThrow();
    }

    private static List<Trial> run(Strategy strategy, ToDoubleFunction<Map<String, String>> f, int jobs) {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Map<String, String> hp = strategy.suggest(i, history).orElseThrow();
            double value = f.applyAsDouble(hp);
            history.add(Double.isNaN(value) ? new Trial(i, hp, Trial.Outcome.FAILED, OptionalDouble.empty())
                    : new Trial(i, hp, Trial.Outcome.SUCCEEDED, OptionalDouble.of(value)));
        }
        return history;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
