package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies quality gates to a finished tuning job. A tuning job that found no best training job fails
 * every gate: there is nothing to promote.
 */
public final class QualityGates {
    private QualityGates() {
    }

    /**
     * @param previousBest the best objective of the last successful build, or null when there is none
     * @param previousName how to name that build in a reason, such as "build #41"
     */
    public static GateDecision evaluate(List<QualityGate> gates, TuningJob result, String objectiveName, ObjectiveType type,
                                        Double previousBest, String previousName) {
        List<String> reasons = new ArrayList<>();
        GateDecision.Outcome outcome = GateDecision.Outcome.PASSED;
        if (gates.isEmpty()) {
            return new GateDecision(outcome, reasons);
        }
        Double best = result.bestTrainingJob() == null ? null : result.bestTrainingJob().finalObjective();
        for (QualityGate gate : gates) {
            String failure = null;
            if (best == null) {
                failure = "the tuning job " + result.name() + " ended " + result.status() + " without a best training job"
                        + (result.status() == TuningJobStatus.Failed && result.failureReason() != null ? ": " + result.failureReason() : "");
            } else if (gate.kind() == QualityGate.Kind.THRESHOLD) {
                if (!reaches(best, gate.threshold(), type)) {
                    failure = "best " + objectiveName + " " + ProgressSummary.number(best) + " is "
                            + (type == ObjectiveType.Maximize ? "below" : "above") + " the threshold " + ProgressSummary.number(gate.threshold());
                } else {
                    reasons.add("passed: best " + objectiveName + " " + ProgressSummary.number(best) + " reaches the threshold "
                            + ProgressSummary.number(gate.threshold()));
                }
            } else if (previousBest == null) {
                reasons.add("passed: no earlier successful build with a tuning result to compare with");
            } else {
                double allowed = type == ObjectiveType.Maximize ? previousBest - gate.tolerance() : previousBest + gate.tolerance();
                if (!reaches(best, allowed, type)) {
                    failure = "best " + objectiveName + " " + ProgressSummary.number(best) + " is worse than "
                            + ProgressSummary.number(previousBest) + " of " + previousName
                            + (gate.tolerance() > 0 ? " (tolerance " + ProgressSummary.number(gate.tolerance()) + ")" : "");
                } else {
                    reasons.add("passed: best " + objectiveName + " " + ProgressSummary.number(best) + " is no worse than "
                            + ProgressSummary.number(previousBest) + " of " + previousName);
                }
            }
            if (failure != null) {
                reasons.add(gate.criticality() + ": " + failure);
                GateDecision.Outcome failed = gate.criticality() == QualityGate.Criticality.FAILURE
                        ? GateDecision.Outcome.FAILURE : GateDecision.Outcome.UNSTABLE;
                if (failed.compareTo(outcome) > 0) {
                    outcome = failed;
                }
            }
        }
        return new GateDecision(outcome, reasons);
    }

    private static boolean reaches(double value, double limit, ObjectiveType type) {
        return type == ObjectiveType.Maximize ? value >= limit : value <= limit;
    }
}
