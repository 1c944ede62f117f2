package dev.hpo.engine.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

/**
 * The promotion decision for CI: a tuning job passes when it completed, has a best training job, and
 * that job's objective meets the rule. A rule that points the wrong way for the objective (at least a
 * loss, at most an accuracy) is refused rather than applied, since it would pass the worse models.
 */
public final class Gate {
    private Gate() {
    }

    public static GateDecision decide(TuningJob job, GateRule rule) {
        JsonNode objective = job.request() == null ? null
                : job.request().path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        String metric = objective == null ? "the objective" : objective.path("MetricName").asText("the objective");
        boolean maximize = objective == null || !"Minimize".equals(objective.path("Type").asText());
        String type = maximize ? "Maximize" : "Minimize";
        if (job.status() != TuningJobStatus.Completed) {
            return new GateDecision(false, "tuning job " + job.name() + " is " + job.status() + ", not Completed"
                    + (job.failureReason() == null ? "" : ": " + job.failureReason()));
        }
        TrainingJob best = job.bestTrainingJob();
        if (best == null || best.finalObjective() == null || !Double.isFinite(best.finalObjective())) {
            return new GateDecision(false, "tuning job " + job.name() + " has no best training job with a finite " + metric);
        }
        double value = best.finalObjective();
        String subject = "best training job " + best.name() + " has " + metric + " = " + value;
        // instanceof rather than a pattern switch: the reactor targets Java 17
        if (rule instanceof GateRule.AtLeast atLeast) {
            if (!maximize) {
                return new GateDecision(false, metric + " is minimized, so --objective-at-least would pass worse models; use --objective-at-most");
            }
            return value >= atLeast.threshold()
                    ? new GateDecision(true, subject + ", at least " + atLeast.threshold())
                    : new GateDecision(false, subject + ", below the required " + atLeast.threshold());
        }
        if (rule instanceof GateRule.AtMost atMost) {
            if (maximize) {
                return new GateDecision(false, metric + " is maximized, so --objective-at-most would pass worse models; use --objective-at-least");
            }
            return value <= atMost.threshold()
                    ? new GateDecision(true, subject + ", at most " + atMost.threshold())
                    : new GateDecision(false, subject + ", above the allowed " + atMost.threshold());
        }
        if (rule instanceof GateRule.NothingPromoted nothing) {
            return new GateDecision(true, subject + "; nothing is promoted at " + nothing.location() + " yet, so this is the first promotion");
        }
        Baseline baseline = ((GateRule.BetterThan) rule).baseline();
        if (!baseline.metricName().equals(metric) || !baseline.type().equals(type)) {
            return new GateDecision(false, "cannot compare: " + baseline.source() + " was tuned for " + baseline.type() + " "
                    + baseline.metricName() + ", this job for " + type + " " + metric);
        }
        boolean better = maximize ? value > baseline.value() : value < baseline.value();
        return better
                ? new GateDecision(true, subject + ", better than " + baseline.value() + " of " + baseline.source())
                : new GateDecision(false, subject + ", not better than " + baseline.value() + " of " + baseline.source());
    }
}
