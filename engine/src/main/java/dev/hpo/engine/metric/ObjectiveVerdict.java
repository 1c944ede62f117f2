package dev.hpo.engine.metric;

import dev.hpo.engine.validation.Article;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The outcome of one training job for the tuner: its final objective value, or why it has none.
 *
 * @param succeeded     true when {@code value} is a usable (finite) final objective value
 * @param value         the final objective value; NaN when the job failed
 * @param failureReason why the job failed, in words a user can act on; null when it succeeded
 */
public record ObjectiveVerdict(boolean succeeded, double value, String failureReason) {

    private static final int MAX_LISTED_TOKENS = 8;

    public ObjectiveVerdict {
        if (succeeded && failureReason != null) {
            throw new IllegalArgumentException("a successful verdict has no failure reason");
        }
        if (!succeeded && (failureReason == null || failureReason.isBlank())) {
            throw new IllegalArgumentException("a failed verdict needs a reason");
        }
    }

    public static ObjectiveVerdict success(double value) {
        return new ObjectiveVerdict(true, value, null);
    }

    public static ObjectiveVerdict failure(String reason) {
        return new ObjectiveVerdict(false, Double.NaN, reason);
    }

    /**
     * Decides a finished training job (SageMaker semantics):
     * <ol>
     *   <li>a non-zero exit fails it, even after metrics were printed; the reason quotes stderr's last line;</li>
     *   <li>an objective capture that cut a number short fails it (never a silently wrong value);</li>
     *   <li>exit 0 without any numeric objective value fails it as "not found", with hints
     *       (never pending, never zero);</li>
     *   <li>a final value of NaN (or an infinity, which would win or lose a ranking by accident) fails it;</li>
     *   <li>otherwise it succeeded, and the final value is the LAST value emitted, not the best (unless the
     *       definition's FinalValue says Max or Min).</li>
     * </ol>
     *
     * @param lastStderrLine the last non-empty line the process wrote to stderr, or null
     */
    public static ObjectiveVerdict decide(String objectiveName, MetricExtractor extractor, int exitCode,
                                          String lastStderrLine) {
        return decide(objectiveName, extractor, exitCode, lastStderrLine, FinalValue.Last);
    }

    /** As {@link #decide(String, MetricExtractor, int, String)}, with the objective's final value chosen by {@code rule}. */
    public static ObjectiveVerdict decide(String objectiveName, MetricExtractor extractor, int exitCode,
                                          String lastStderrLine, FinalValue rule) {
        MetricSeries series = extractor.series(objectiveName);
        if (exitCode != 0) {
            return failure(exitFailure(objectiveName, series, exitCode, lastStderrLine));
        }
        if (series == null) {
            return failure("objective metric " + Texts.quote(objectiveName) + " not found in the log: no metric"
                    + " definition is named so (defined: " + quotedList(extractor.allSeries().keySet().stream()
                    .toList()) + ")");
        }
        Optional<MetricSeries.Truncation> truncation = series.truncation();
        if (truncation.isPresent()) {
            return failure(truncation.get().describe(objectiveName) + "; the training job failed");
        }
        OptionalDouble last = rule.of(series);
        if (last.isEmpty()) {
            return failure(NotFoundReason.explain(objectiveName, series, extractor));
        }
        double value = last.getAsDouble();
        if (!Double.isFinite(value)) {
            return failure(nonFinite(objectiveName, series, value));
        }
        return success(value);
    }

    private static String exitFailure(String objectiveName, MetricSeries series, int exitCode,
                                      String lastStderrLine) {
        String stderr = lastStderrLine == null || lastStderrLine.isBlank()
                ? "no output on stderr"
                : "last stderr line: \"" + Texts.abbreviate(LogLineNormalizer.normalize(lastStderrLine).strip(), 500)
                        + "\"";
        String reason = "training process exited with code " + exitCode + " (" + stderr
                + "); the training job failed and its objective is not used";
        if (series != null && series.valueCount() > 0) {
            reason += " (" + series.valueCount() + " values of " + Texts.quote(objectiveName)
                    + " were emitted before the failure; kept for display only)";
        }
        return reason;
    }

    private static String nonFinite(String objectiveName, MetricSeries series, double value) {
        String what = Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        OptionalDouble lastFinite = series.lastFinite();
        String context = lastFinite.isPresent()
                ? "last finite value " + lastFinite.getAsDouble() + " at line " + series.lastFiniteLine()
                : "no finite value was emitted";
        return "objective metric " + Texts.quote(objectiveName) + " final value is " + what + " (" + context
                + ", final value at line " + series.lastLine() + "); " + Article.before(what)
                + " objective cannot be ranked, so the training job is treated as failed (infeasible)";
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
    static String quotedList(List<String> items) {
        List<String> quoted = items.stream().limit(MAX_LISTED_TOKENS).map(Texts::quote).toList();
        if (quoted.isEmpty()) {
            return "none";
        }
        String more = items.size() > quoted.size() ? " and " + (items.size() - quoted.size()) + " more" : "";
        if (quoted.size() == 1) {
            return quoted.get(0) + more;
        }
        String head = quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "));
        return more.isEmpty()
                ? head + " and " + quoted.get(quoted.size() - 1)
                : head + ", " + quoted.get(quoted.size() - 1) + more;
    }
}
