package dev.hpo.engine.completion;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.CompletionDetails;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** TuningJobCompletionCriteria.TargetObjectiveMetricValue: done once any training job reaches the target. */
public final class TargetObjectiveMetricValue implements CompletionCriterion {
    static final String FIELD = "TuningJobCompletionCriteria.TargetObjectiveMetricValue";
    private final double target;

    public TargetObjectiveMetricValue(double target) {
        this.target = target;
    }

    @Override
    public Optional<Completion> check(List<Double> objectives, ObjectiveType direction, Instant now) {
        for (double value : objectives) {
            if (value == target || direction.better(value, target)) {
                return Optional.of(new Completion(FIELD + " (" + target + ") reached: a training job's objective is " + value,
                        new CompletionDetails(FIELD, null, null)));
            }
        }
        return Optional.empty();
    }
}
