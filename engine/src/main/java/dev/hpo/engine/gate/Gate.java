package dev.hpo.engine.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

/**
 * The one judgement of a tuning job against a rule, for {@code hpo gate} and the Jenkins quality gates
 * alike: a tuning job passes only when it completed, has a best training job with a finite objective,
 * and that objective meets the rule.
 */
public final class Gate {
    private Gate() {
    }

    public static Verdict check(TuningJob job, GateRule rule) {
        JsonNode objective = job.request() == null ? null
                : job.request().path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        String metric = objective == null ? "the objective" : objective.path("MetricName").asText("the objective");
        ObjectiveType type = objective != null && "Minimize".equals(objective.path("Type").asText()) ? ObjectiveType.Minimize : ObjectiveType.Maximize;
        boolean maximize = type == ObjectiveType.Maximize;
        if (job.status() != TuningJobStatus.Completed) {
            return fail("tuning job " + job.name() + " is " + job.status() + ", not Completed"
                    + (job.failureReason() == null ? "" : ": " + job.failureReason()));
        }
        TrainingJob best = job.bestTrainingJob();
        if (best == null || best.finalObjective() == null || !Double.isFinite(best.finalObjective())) {
            return fail("tuning job " + job.name() + " has no best training job with a finite " + metric);
        }
        double value = best.finalObjective();
        String subject = "best " + metric + " " + number(value) + " of training job " + best.name();
        // instanceof rather than a pattern switch: the reactor targets Java 17
        if (rule instanceof GateRule.Threshold threshold) {
            if (threshold.writtenFor() != null && threshold.writtenFor() != type) {
                String given = maximize ? "--objective-at-most" : "--objective-at-least";
                String instead = maximize ? "--objective-at-least" : "--objective-at-most";
                return fail(metric + " is " + (maximize ? "maximized" : "minimized") + ", so " + given
                        + " would pass worse models; use " + instead);
            }
            boolean reaches = maximize ? value >= threshold.value() : value <= threshold.value();
            return reaches
                    ? pass(subject + " reaches the threshold " + number(threshold.value()))
                    : fail(subject + " is " + (maximize ? "below the required " : "above the allowed ") + number(threshold.value()));
        }
        if (rule instanceof GateRule.NothingToCompare nothing) {
            return pass(subject + "; " + nothing.why());
        }
        Baseline baseline = rule instanceof GateRule.BetterThan better ? better.baseline() : ((GateRule.NoWorseThan) rule).baseline();
        if (!baseline.metricName().equals(metric) || !baseline.type().equals(type.name())) {
            return fail("cannot compare: " + baseline.source() + " was tuned for " + baseline.type() + " " + baseline.metricName()
                    + ", this job for " + type + " " + metric);
        }
        double gain = maximize ? value - baseline.value() : baseline.value() - value;
        String against = number(baseline.value()) + " of " + baseline.source();
        if (rule instanceof GateRule.BetterThan) {
            return gain > 0 ? pass(subject + " is better than " + against) : fail(subject + " is not better than " + against);
        }
        double tolerance = ((GateRule.NoWorseThan) rule).tolerance();
        String allowance = tolerance > 0 ? " (tolerance " + number(tolerance) + ")" : "";
        return gain >= -tolerance
                ? pass(subject + " is no worse than " + against + allowance)
                : fail(subject + " is worse than " + against + allowance);
    }

    private static Verdict pass(String reason) {
        return new Verdict(true, reason);
    }

    private static Verdict fail(String reason) {
        return new Verdict(false, reason);
    }

    private static String number(double value) {
        return ProgressSummary.number(value);
    }
}
