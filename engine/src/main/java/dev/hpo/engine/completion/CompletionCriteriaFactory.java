package dev.hpo.engine.completion;

import dev.hpo.engine.config.CompletionCriteria;

import java.util.ArrayList;
import java.util.List;

/** The criteria a config's TuningJobCompletionCriteria names, in SageMaker's field order. */
public final class CompletionCriteriaFactory {
    private CompletionCriteriaFactory() {
    }

    public static List<CompletionCriterion> create(CompletionCriteria spec) {
        List<CompletionCriterion> criteria = new ArrayList<>();
        if (spec.targetObjectiveMetricValue() != null) {
            criteria.add(new TargetObjectiveMetricValue(spec.targetObjectiveMetricValue()));
        }
        if (spec.maxNumberOfTrainingJobsNotImproving() != null) {
            criteria.add(new BestObjectiveNotImproving(spec.maxNumberOfTrainingJobsNotImproving()));
        }
        if (spec.completeOnConvergence()) {
            criteria.add(new ConvergenceDetected());
        }
        return List.copyOf(criteria);
    }
}
