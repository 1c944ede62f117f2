package dev.hpo.engine.tuner;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.strategy.Trial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The tuner's record of its training jobs, by name in start order, with the counters, the best job and
 * the strategy's view of them kept up to date on every {@link #put}.
 *
 * <p>A tuning job has up to a million training jobs and two events (start, end) each; recounting every
 * job per event made a 10,000-job tuning job spend most of its time counting. Here an event costs the
 * same however many jobs came before it. It reads like the map it replaces, so code that keeps jobs in
 * it needs no other change.
 */
final class TrainingJobBook {
    private final ObjectiveType objective;
    private final Map<String, TrainingJob> jobs = new LinkedHashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private final List<String> trialNames = new ArrayList<>();
    private final Map<String, Integer> trialPositions = new HashMap<>();
    private boolean inIndexOrder = true;
    private Counters counters = Counters.NONE;
    private TrainingJob best;

    TrainingJobBook(ObjectiveType objective) {
        this.objective = objective;
    }

    /** Adds a job or replaces the record of one with the same name; returns the record replaced, or null. */
    TrainingJob put(String name, TrainingJob job) {
        TrainingJob previous = jobs.put(name, job);
        counters = counters.replacing(previous, job);
        Integer position = trialPositions.get(name);
        if (position == null) {
            inIndexOrder &= trials.isEmpty() || trials.get(trials.size() - 1).index() <= job.index();
            trialPositions.put(name, trials.size());
            trials.add(trialOf(job));
            trialNames.add(name);
        } else {
            trials.set(position, trialOf(job));
        }
        if (best != null && best.name().equals(name)) {
            best = scanForBest(); // the best job's own record changed: rare enough to look at all of them
        } else if (job.hasObjective() && (best == null || beats(job, best))) {
            best = job;
        }
        return previous;
    }

    TrainingJob get(String name) {
        return jobs.get(name);
    }

    boolean containsKey(String name) {
        return jobs.containsKey(name);
    }

    Collection<TrainingJob> values() {
        return Collections.unmodifiableCollection(jobs.values());
    }

    int size() {
        return jobs.size();
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    Counters counters() {
        return counters;
    }

    /** The job with the best final objective so far; of equals the one started first. Null while none has one. */
    TrainingJob best() {
        return best;
    }

    /** Every job as the strategy sees it, by index: a copy, so the strategy may keep it. */
    List<Trial> trials() {
        if (!inIndexOrder) {
            sortByIndex(); // only after a resume adds jobs out of order: once, not per suggestion
        }
        return List.copyOf(trials);
    }

    private void sortByIndex() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> trials.get(i).index()));
        List<Trial> sortedTrials = new ArrayList<>(trials.size());
        List<String> sortedNames = new ArrayList<>(trials.size());
        for (int i : order) {
            sortedTrials.add(trials.get(i));
            sortedNames.add(trialNames.get(i));
        }
        trials.clear();
        trials.addAll(sortedTrials);
        trialNames.clear();
        trialNames.addAll(sortedNames);
        trialPositions.clear();
        for (int i = 0; i < trialNames.size(); i++) {
            trialPositions.put(trialNames.get(i), i);
        }
        inIndexOrder = true;
    }

    /** Better, or as good and started earlier: the same answer as a scan in start order, whatever the finishing order. */
    private boolean beats(TrainingJob candidate, TrainingJob incumbent) {
        double a = candidate.finalObjective();
        double b = incumbent.finalObjective();
        return objective.better(a, b) || (!objective.better(b, a) && candidate.index() < incumbent.index());
    }

    private TrainingJob scanForBest() {
        TrainingJob found = null;
        for (TrainingJob job : jobs.values()) {
            if (job.hasObjective() && (found == null || beats(job, found))) {
                found = job;
            }
        }
        return found;
    }

    private static Trial trialOf(TrainingJob job) {
        Trial.Outcome outcome = switch (job.objectiveStatus()) {
            case Pending -> Trial.Outcome.PENDING;
            case Succeeded -> Trial.Outcome.SUCCEEDED;
            case Failed -> Trial.Outcome.FAILED;
        };
        return new Trial(job.index(), job.tunedHyperParameters(), outcome,
                job.hasObjective() ? OptionalDouble.of(job.finalObjective()) : OptionalDouble.empty());
    }
}
