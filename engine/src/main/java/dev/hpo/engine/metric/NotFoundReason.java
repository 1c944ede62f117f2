package dev.hpo.engine.metric;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Words for "the objective never got a number": what was matched instead, what the log contained
 * that looks similar, and whether the regex was cut off. The point is that a user can fix the
 * definition (or the training script) from the message alone.
 */
final class NotFoundReason {

    private NotFoundReason() {
    }

    static String explain(String objectiveName, MetricSeries series, MetricExtractor extractor) {
        String name = Texts.quote(objectiveName);
        if (series.rejectedCount() > 0) {
            String samples = series.rejectedSamples().stream()
                    .map(r -> Texts.quote(r.captured()))
                    .collect(Collectors.joining(", "));
            return "objective metric " + name + " matched " + series.rejectedCount() + " times but no captured"
                    + " value was a number (e.g. " + samples + "); metric values must be numeric";
        }
        StringBuilder reason = new StringBuilder("objective metric " + name + " not found in the log: ");
        Optional<String> token = XgboostMetricPattern.logTokenFor(objectiveName);
        boolean predefined = extractor.metrics().stream()
                .anyMatch(m -> m.name().equals(objectiveName) && m.isPredefined());
        if (extractor.lineCount() == 0) {
            reason.append("the log is empty");
        } else if (predefined && token.isPresent()) {
            reason.append("no line has the token ").append(Texts.quote(token.get() + ":<number>"))
                    .append(" after a tab or #011 on a line with an [iteration] marker");
        } else {
            reason.append("its regex never matched any of the ").append(extractor.lineCount()).append(" lines");
        }
        if (series.cutOffCount() > 0) {
            reason.append("; the regex was cut off as too slow on ").append(series.cutOffCount())
                    .append(" line(s) (first: line ").append(series.firstCutOffLine().orElseThrow())
                    .append("), simplify it");
        }
        token.ifPresent(t -> reason.append(xgboostHint(objectiveName, t, extractor.xgboostTokensSeen())));
        extractor.nearMissLine(objectiveName).ifPresent(line -> reason
                .append("; a similar line (regexes are case- and punctuation-sensitive): ").append(line));
        return reason.toString();
    }

    /** For {@code set:metric} objectives: which eval sets the log does use for that metric. */
    private static String xgboostHint(String objectiveName, String token, List<String> seen) {
        if (seen.isEmpty()) {
            return "";
        }
        if (seen.contains(token)) {
            return "; the log contains " + Texts.quote(token) + " but not in XGBoost's evaluation format"
                    + " ([<iteration>]<tab>" + token + ":<value>)";
        }
        String set = objectiveName.substring(0, objectiveName.indexOf(':'));
        String metric = objectiveName.substring(objectiveName.indexOf(':') + 1);
        List<String> sameMetric = seen.stream().filter(t -> t.endsWith("-" + metric)).toList();
        // validation_0-auc is a likelier meant-to-be than train-auc for validation:auc
        List<String> similarSet = sameMetric.stream().filter(t -> t.startsWith(set)).toList();
        List<String> candidates = similarSet.isEmpty() ? sameMetric : similarSet;
        if (!candidates.isEmpty()) {
            String otherSet = candidates.get(0).substring(0, candidates.get(0).length() - metric.length() - 1);
            return "; the log contains " + ObjectiveVerdict.quotedList(candidates)
                    + " (eval-set names such as the sklearn API's validation_0), so pick one of those"
                    + " (e.g. objective " + Texts.quote(otherSet + ":" + metric) + ") or name the eval set "
                    + Texts.quote(set);
        }
        return "; XGBoost-style metrics in the log: " + ObjectiveVerdict.quotedList(seen);
    }
}
