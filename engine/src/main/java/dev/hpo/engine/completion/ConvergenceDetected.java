package dev.hpo.engine.completion;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.CompletionDetails;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TuningJobCompletionCriteria.ConvergenceDetected.CompleteOnConvergence: Enabled. SageMaker does not
 * publish its test beyond "no job improves by more than 1%"; ours: with at least
 * {@value #MIN_OBJECTIVES} objectives, the search has converged when the best of the later half of
 * the training jobs improved on the best of the earlier half by less than 1%.
 */
public final class ConvergenceDetected implements CompletionCriterion {
    static final String FIELD = "TuningJobCompletionCriteria.ConvergenceDetected.CompleteOnConvergence";
    static final int MIN_OBJECTIVES = 10;

    @Override
    public Optional<Completion> check(List<Double> objectives, ObjectiveType direction, Instant now) {
        if (objectives.size() < MIN_OBJECTIVES) {
            return Optional.empty();
        }
        int half = objectives.size() / 2;
        double earlierBest = best(objectives.subList(0, half), direction);
        double laterBest = best(objectives.subList(half, objectives.size()), direction);
        if (Improvement.significant(laterBest, earlierBest, direction)) {
            return Optional.empty();
        }
        return Optional.of(new Completion(FIELD + ": converged; the last " + (objectives.size() - half)
                + " training jobs did not improve the best objective (" + earlierBest + ") by 1%",
                new CompletionDetails(FIELD, null, now)));
    }

    private static double best(List<Double> values, ObjectiveType direction) {
        double best = values.get(0);
        for (double value : values) {
            if (direction.better(value, best)) {
                best = value;
            }
        }
        return best;
    }
}
