package dev.hpo.engine.describe;

import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** One-line texts about a running tuning job, shared by the terminal display, CI logs and the Jenkins console. */
public final class ProgressSummary {
    private ProgressSummary() {
    }

    public static String status(TuningJob job, int maxJobs, Instant now, String objectiveName) {
        Counters c = job.counters();
        int done = c.completed() + c.nonRetryableError() + c.stopped();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%d/%d done, %d running, %d failed", done, maxJobs, c.inProgress(),
                c.nonRetryableError()));
        if (c.stopped() > 0) {
            line.append(", ").append(c.stopped()).append(" stopped");
        }
        TrainingJob best = job.bestTrainingJob();
        if (best != null) {
            line.append(", best ").append(objectiveName).append('=').append(number(best.finalObjective()))
                    .append(" (").append(best.name()).append(')');
        }
        line.append(", elapsed ").append(duration(Duration.between(job.creationTime(), now)));
        return line.toString();
    }

    public static String trainingJobEnded(TrainingJob job, int maxJobs, String objectiveName) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "[%d/%d] %s %s", job.index() + 1, maxJobs, job.name(), job.status()));
        if (job.wasEarlyStopped()) {
            line.append(" (early stopping)");
        }
        if (job.wasEndedAtMaxResource()) {
            line.append(" (MaxResource reached)");
        }
        if (job.attemptCount() > 1) {
            line.append(" after ").append(job.attemptCount()).append(" attempts");
        }
        if (job.hasObjective()) {
            line.append(' ').append(objectiveName).append('=').append(number(job.finalObjective()));
        }
        line.append(String.format(Locale.ROOT, " in %.1fs", job.durationSeconds(job.trainingEndTime())));
        line.append(' ').append(hyperParameters(job.tunedHyperParameters()));
        if (job.failureReason() != null) {
            line.append(" -- ").append(job.failureReason());
        }
        return line.toString();
    }

    public static String hyperParameters(Map<String, String> values) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        values.forEach((name, value) -> joiner.add(name + "=" + value));
        return joiner.toString();
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}
