package dev.hpo.engine.tuner;

import dev.hpo.engine.config.StrategyName;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.strategy.Strategy;
import dev.hpo.engine.strategy.Trial;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which training job starts when a slot is free: first the jobs a resume runs again, then the
 * strategy's suggestions, until MaxNumberOfTrainingJobs have been started or the strategy has nothing
 * left. It decides only; the tuner starts what it is given.
 */
final class JobSchedule {
    /** A training job to start: its index (which names it) and tuned hyperparameters. */
    record Next(int index, Map<String, String> tunedHyperParameters) {
    }

    private final Strategy strategy;
    private final StrategyName strategyName;
    private final int maxTrainingJobs;
    private final Supplier<List<Trial>> trials;
    private final Deque<TrainingJob> reruns = new ArrayDeque<>();
    private int started;
    private boolean exhausted;

    /** @param trials the history the strategy sees, asked for only when a suggestion is needed */
    JobSchedule(Strategy strategy, StrategyName strategyName, int maxTrainingJobs, Supplier<List<Trial>> trials) {
        this.strategy = strategy;
        this.strategyName = strategyName;
        this.maxTrainingJobs = maxTrainingJobs;
        this.trials = trials;
    }

    /** Goes on after a resume: {@code rerun} start first, and new jobs are numbered from {@code nextIndex}. */
    void resumeWith(Collection<TrainingJob> rerun, int nextIndex) {
        reruns.addAll(rerun);
        started = nextIndex;
    }

    /** The job to start now, or empty when no more will start (the budget is spent or the strategy is done). */
    Optional<Next> next() {
        TrainingJob again = reruns.poll();
        if (again != null) {
            return Optional.of(new Next(again.index(), again.tunedHyperParameters()));
        }
        if (exhausted || started >= maxTrainingJobs) {
            return Optional.empty();
        }
        Optional<Map<String, String>> suggestion = strategy.suggest(started, trials.get());
        if (suggestion.isEmpty()) {
            exhausted = true;
            return Optional.empty();
        }
        return Optional.of(new Next(started++, suggestion.get()));
    }

    /** Whether a job a resume runs again has not started yet. */
    boolean rerunsWaiting() {
        return !reruns.isEmpty();
    }

    /** The jobs a resume would have run again but that never started (the tuning job ended first); they leave the schedule. */
    List<TrainingJob> drainReruns() {
        List<TrainingJob> waiting = List.copyOf(reruns);
        reruns.clear();
        return waiting;
    }

    /** Why the tuning job ends once every job the schedule started has ended and nothing else starts. */
    String endReason() {
        // a grid's job limit is its size (ConfigParser refuses less), so reaching it means the grid is done
        if (strategyName == StrategyName.Grid && (exhausted || started >= maxTrainingJobs)) {
            return "the grid's " + started + " combinations were all tried";
        }
        if (exhausted && started < maxTrainingJobs) {
            return "the " + strategyName + " strategy tried every combination (" + started + (started == 1 ? " training job)" : " training jobs)");
        }
        return "MaxNumberOfTrainingJobs (" + maxTrainingJobs + ") reached";
    }
}
