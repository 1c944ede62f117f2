package dev.hpo.engine.gate;

import dev.hpo.engine.model.TuningJob;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a step's quality gates to its finished tuning job, each through {@link Gate}: the build gets
 * the worst criticality of the gates that failed, and the log every gate's reason.
 */
public final class QualityGates {
    private QualityGates() {
    }

    /** @param lastSuccessful the same step's result in the job's last successful build, or null when there is none */
    public static GateDecision evaluate(List<QualityGate> gates, TuningJob result, Baseline lastSuccessful) {
        List<String> reasons = new ArrayList<>();
        GateDecision.Outcome outcome = GateDecision.Outcome.PASSED;
        for (QualityGate gate : gates) {
            Verdict verdict = Gate.check(result, gate.rule(lastSuccessful));
            if (verdict.passed()) {
                reasons.add("passed: " + verdict.reason());
                continue;
            }
            reasons.add(gate.criticality() + ": " + verdict.reason());
            GateDecision.Outcome failed = gate.criticality() == QualityGate.Criticality.FAILURE
                    ? GateDecision.Outcome.FAILURE : GateDecision.Outcome.UNSTABLE;
            if (failed.compareTo(outcome) > 0) {
                outcome = failed;
            }
        }
        return new GateDecision(outcome, reasons);
    }
}
