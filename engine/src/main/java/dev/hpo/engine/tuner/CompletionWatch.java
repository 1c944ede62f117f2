package dev.hpo.engine.tuner;

import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.completion.CompletionCriterion;
import dev.hpo.engine.config.ObjectiveType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the tuning job ends before its budget is spent: ResourceLimits.MaxRuntimeInSeconds for the
 * whole tuning job, or a TuningJobCompletionCriteria criterion met by the final objectives in the
 * order the training jobs ended (the criteria are OR-ed, as in SageMaker).
 */
final class CompletionWatch {
    private final List<CompletionCriterion> criteria;
    private final ObjectiveType direction;
    private final long maxRuntimeSeconds;
    private final List<Double> objectivesInEndOrder = new ArrayList<>();

    /** @param maxRuntimeSeconds the tuning job's MaxRuntimeInSeconds, 0 or less for none */
    CompletionWatch(List<CompletionCriterion> criteria, ObjectiveType direction, long maxRuntimeSeconds) {
        this.criteria = criteria;
        this.direction = direction;
        this.maxRuntimeSeconds = maxRuntimeSeconds;
    }

    /** The objectives of jobs that ended before a resume, in the order they ended. */
    void resumeWith(List<Double> objectives) {
        objectivesInEndOrder.addAll(objectives);
    }

    /** A training job ended with a final objective. */
    void objectiveRecorded(double objective) {
        objectivesInEndOrder.add(objective);
    }

    /** The reason the tuning job ends when its runtime since {@code start} has reached MaxRuntimeInSeconds, else empty. */
    Optional<String> runtimeLimitReached(Instant start, Instant now) {
        if (maxRuntimeSeconds > 0 && Duration.between(start, now).getSeconds() >= maxRuntimeSeconds) {
            return Optional.of("ResourceLimits.MaxRuntimeInSeconds (" + maxRuntimeSeconds + " s) reached");
        }
        return Optional.empty();
    }

    /** The first criterion met, in SageMaker's field order, or empty to go on. */
    Optional<Completion> criterionMet(Instant now) {
        for (CompletionCriterion criterion : criteria) {
            Optional<Completion> done = criterion.check(objectivesInEndOrder, direction, now);
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }
}
