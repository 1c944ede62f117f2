package dev.hpo.engine.completion;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.CompletionDetails;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TuningJobCompletionCriteria.BestObjectiveNotImproving: done once the last N training jobs in a row
 * (in the order they ended, jobs without an objective not counted) did not improve the best objective
 * by at least 1%.
 */
public final class BestObjectiveNotImproving implements CompletionCriterion {
    static final String FIELD = "TuningJobCompletionCriteria.BestObjectiveNotImproving.MaxNumberOfTrainingJobsNotImproving";
    private final int maxNotImproving;

    public BestObjectiveNotImproving(int maxNotImproving) {
        this.maxNotImproving = maxNotImproving;
    }

    @Override
    public Optional<Completion> check(List<Double> objectives, ObjectiveType direction, Instant now) {
        int notImproving = notImprovingInARow(objectives, direction);
        if (notImproving < maxNotImproving) {
            return Optional.empty();
        }
        return Optional.of(new Completion(FIELD + " (" + maxNotImproving + ") reached: " + notImproving
                + " training jobs in a row did not improve the best objective by 1%",
                new CompletionDetails(FIELD, notImproving, null)));
    }

    static int notImprovingInARow(List<Double> objectives, ObjectiveType direction) {
        if (objectives.isEmpty()) {
            return 0;
        }
        double best = objectives.get(0);
        int count = 0;
        for (int i = 1; i < objectives.size(); i++) {
            double value = objectives.get(i);
            if (Improvement.significant(value, best, direction)) {
                count = 0;
            } else {
                count++;
            }
            if (direction.better(value, best)) {
                best = value;
            }
        }
        return count;
    }
}
