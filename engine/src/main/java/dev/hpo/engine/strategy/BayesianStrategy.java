package dev.hpo.engine.strategy;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.space.SearchSpace;
import dev.hpo.engine.strategy.bayes.AcquisitionSearch;
import dev.hpo.engine.strategy.bayes.FeatureEncoding;
import dev.hpo.engine.strategy.bayes.LatinHypercube;
import dev.hpo.engine.strategy.bayes.Surrogate;
import dev.hpo.engine.strategy.bayes.TrustRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Bayesian optimisation: a Latin hypercube start, then a Gaussian process (Matern 5/2, one length
 * scale per feature, fitted with noise by marginal likelihood) whose expected improvement picks the
 * next job.
 * <ul>
 * <li>Running jobs count as done at the GP's own prediction (the kriging believer), so parallel
 *     suggestions spread out instead of piling onto the same optimum.</li>
 * <li>While jobs run, only one suggestion in every MaxParallelTrainingJobs searches the whole space;
 *     the others search a box around the best configuration so far ({@value #NEAR_BEST} of each
 *     range either side). Where the GP has been checked against results its believed outcomes are
 *     trustworthy; far from them a slot would be spent on exploration that the running jobs may
 *     make moot. Measured in docs/benchmarks.md: at 30 evaluations this halved the gap between
 *     3 parallel slots and a sequential run on the mixed space and narrowed it on Hartmann6.</li>
 * <li>Failed jobs and jobs without an objective count one standard deviation worse than the worst
 *     value seen, which steers the search away from them without a value that would distort the GP's scale.</li>
 * <li>The suggestion depends only on the seed, the job index and the history, so a sequential run
 *     with the same RandomSeed repeats itself.</li>
 * <li>Past {@value #MODEL_POINTS} observations the GP keeps the best half and an even spread of the
 *     rest, and the hyperparameters are fitted on {@value #FIT_POINTS} of them: a suggestion costs the
 *     same at 500 jobs as at 200.</li>
 * </ul>
 */
public final class BayesianStrategy implements Strategy {
    static final int MODEL_POINTS = 200;
    static final int FIT_POINTS = 64;
    private static final int ANCHORS = 5;
    /** Half-width, in the unit cube, of the box around the best configuration searched while jobs run. */
    static final double NEAR_BEST = 0.2;
    /** Up to this many untried configurations of a finite space are scored one by one when the search found none. */
    private static final int SCORED_UNTRIED = 10_000;

    private final SearchSpace space;
    private final ObjectiveType direction;
    private final long seed;
    private final List<Trial> parents;
    private final int initialPoints;
    private final FeatureEncoding encoding;
    private final AcquisitionSearch search;
    private final double[][] design;
    private final int parallel;
    /** Null when a range is continuous. */
    private final FiniteSpace finite;

    /**
     * @param parents finished training jobs of warm-start parents, already in this job's terms
     * @param initialPoints how many jobs the space-filling start takes before the GP does
     */
    public BayesianStrategy(SearchSpace space, ObjectiveType direction, long seed, List<Trial> parents, int initialPoints) {
        this(space, direction, seed, parents, initialPoints, 1);
    }

    /**
     * @param parallel MaxParallelTrainingJobs: one suggestion in every {@code parallel} searches the whole
     *                 space even while jobs run; the others search near the best configuration
     */
    public BayesianStrategy(SearchSpace space, ObjectiveType direction, long seed, List<Trial> parents, int initialPoints, int parallel) {
        if (space.dimensions() == 0) {
            throw new IllegalArgumentException("Bayesian search needs at least one parameter range");
        }
        this.space = space;
        this.direction = direction;
        this.seed = seed;
        this.parents = List.copyOf(parents);
        this.initialPoints = Math.max(1, initialPoints);
        this.encoding = new FeatureEncoding(space);
        this.search = new AcquisitionSearch(space);
        this.design = LatinHypercube.design(this.initialPoints, space.dimensions(), seed);
        this.parallel = Math.max(1, parallel);
        this.finite = FiniteSpace.of(space).orElse(null);
    }

    /** SageMaker-like default start: enough points to see every dimension once, never fewer than 5 (capped at 20). */
    public static int defaultInitialPoints(SearchSpace space) {
        return Math.min(20, Math.max(5, space.dimensions() + 2));
    }

    @Override
    public Optional<Map<String, String>> suggest(int index, List<Trial> history) {
        Set<Map<String, String>> tried = finite == null ? Set.of() : finite.tried(history);
        if (finite != null && finite.exhausted(tried)) {
            return Optional.empty();
        }
        Map<String, String> values = suggestValues(index, history, tried);
        // running a configuration again would only repeat its result: any untried one teaches more
        return finite == null ? Optional.of(values) : finite.untriedFrom(values, tried, new SplittableRandom(mix(seed, index) ^ 0x5DEECE66DL));
    }

    private Map<String, String> suggestValues(int index, List<Trial> history, Set<Map<String, String>> tried) {
        List<Trial> all = new ArrayList<>(parents);
        all.addAll(history);
        Observations observations = Observations.of(all, encoding, direction);
        if (observations.succeeded() < initialPoints && index < initialPoints) {
            return space.valuesAt(design[index]);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        if (observations.succeeded() < 2) {
            return space.valuesAt(space.randomPoint(random));
        }
        try {
            return space.valuesAt(modelPoint(observations, random, index % parallel == 0, tried));
        } catch (ArithmeticException e) {
            // a covariance that no jitter repairs must not end the tuning job: this one job samples at random
            return space.valuesAt(space.randomPoint(new SplittableRandom(mix(seed, index))));
        }
    }

    private double[] modelPoint(Observations observations, SplittableRandom random, boolean global, Set<Map<String, String>> tried) {
        Observations model = observations.capped(MODEL_POINTS);
        Observations fitSet = model.capped(FIT_POINTS);
        // restarts guard against a poor local optimum while points are few; with many, the likelihood is well shaped
        int restarts = fitSet.size() <= FIT_POINTS / 2 ? 2 : fitSet.size() < FIT_POINTS ? 1 : 0;
        Surrogate surrogate = Surrogate.fit(fitSet.inputs(), fitSet.targets(), model.inputs(), model.targets(), restarts, random.split());
        List<double[]> anchors = observations.bestUnits(space, ANCHORS);
        TrustRegion region = observations.pending().isEmpty() || global ? TrustRegion.cube(space.dimensions())
                : TrustRegion.around(anchors.get(0), NEAR_BEST, search.categorical());
        double best = observations.bestTarget();
        for (double[] pending : observations.pending()) {
            // the believed outcome counts like a real one, so the next suggestion must beat it, not crowd next to it
            best = Math.min(best, surrogate.mean(pending));
            surrogate = surrogate.believing(pending);
        }
        Surrogate believer = surrogate;
        double incumbent = best;
        // on a finite space the configurations already tried or running are ruled out where they are scored
        ToDoubleFunction<double[]> improvement = unit -> believer.logExpectedImprovement(encoding.encodeUnit(unit), incumbent);
        ToDoubleFunction<double[]> acquisition = tried.isEmpty() ? improvement
                : unit -> tried.contains(space.valuesAt(unit)) ? Double.NEGATIVE_INFINITY : improvement.applyAsDouble(unit);
        double[] point = search.maximise(acquisition, anchors, random, region);
        if (!tried.isEmpty() && tried.contains(space.valuesAt(point))) {
            // every point the search scored was taken (a small space, or a small box): score the untried ones
            List<Map<String, String>> untried = finite.untried(tried);
            if (untried != null && !untried.isEmpty() && untried.size() <= SCORED_UNTRIED) {
                point = space.pointOf(untried.get(0));
                double bestScore = improvement.applyAsDouble(point);
                for (Map<String, String> candidate : untried.subList(1, untried.size())) {
                    double[] unit = space.pointOf(candidate);
                    double score = improvement.applyAsDouble(unit);
                    if (score > bestScore) {
                        bestScore = score;
                        point = unit;
                    }
                }
            }
        }
        return point;
    }

    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
