package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** Reads TuningJobCompletionCriteria with SageMaker's field names and limits. */
final class CompletionCriteriaReader {
    static final String PATH = "HyperParameterTuningJobConfig.TuningJobCompletionCriteria";

    private CompletionCriteriaReader() {
    }

    enum Convergence { Disabled, Enabled }

    static CompletionCriteria read(FieldReader reader, JsonNode tuning) {
        JsonNode node = reader.object(tuning, "TuningJobCompletionCriteria", "HyperParameterTuningJobConfig", false);
        if (node == null) {
            return CompletionCriteria.NONE;
        }
        reader.checkFields(node, PATH, Set.of("TargetObjectiveMetricValue", "BestObjectiveNotImproving", "ConvergenceDetected"), Set.of());
        Double target = reader.number(node, "TargetObjectiveMetricValue", PATH, false);
        Integer notImproving = null;
        String notImprovingPath = PATH + ".BestObjectiveNotImproving";
        JsonNode best = reader.object(node, "BestObjectiveNotImproving", PATH, false);
        if (best != null) {
            reader.checkFields(best, notImprovingPath, Set.of("MaxNumberOfTrainingJobsNotImproving"), Set.of());
            Long count = reader.integerAtLeast(best, "MaxNumberOfTrainingJobsNotImproving", notImprovingPath, true, 3);
            notImproving = count == null ? null : (int) Math.min(count, Integer.MAX_VALUE);
        }
        boolean convergence = false;
        String convergencePath = PATH + ".ConvergenceDetected";
        JsonNode converged = reader.object(node, "ConvergenceDetected", PATH, false);
        if (converged != null) {
            reader.checkFields(converged, convergencePath, Set.of("CompleteOnConvergence"), Set.of());
            convergence = reader.choice(converged, "CompleteOnConvergence", convergencePath, Convergence.class,
                    Convergence.Disabled) == Convergence.Enabled;
        }
        return new CompletionCriteria(target, notImproving, convergence);
    }
}
