package dev.hpo.engine.metric;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the predefined regex for an XGBoost evaluation metric named {@code <set>:<metric>}.
 *
 * <p>XGBoost prints {@code [12]\ttrain-auc:0.91\tvalidation-auc:0.88}; SageMaker's CloudWatch shows the
 * tab as {@code #011}; the CLI puts {@code [HH:MM:SS]} in front. The token must follow a tab or
 * {@code #011} (so {@code validation} never matches inside {@code validation_0}) and end in ':'
 * (so {@code auc} never matches {@code aucpr}), on a line with an {@code [iteration]} marker before it.
 *
 * <p>Shape: {@code (?s)^(?>.*?\[[0-9]+\])(?>.*?(?:\t|#011)<token>:)(<number>)}. The two atomic groups
 * commit to the first marker and the first token after it, which keeps matching linear in the line
 * length: SageMaker's own {@code .*\[[0-9]+\].*#011...} form is quadratic on a long line without a
 * match, and lines of hundreds of kilobytes must work. DOTALL because a line holds no line breaks
 * anyway, and '.' must not stop at U+2028 and friends.
 */
final class XgboostMetricPattern {

    /** {@code <set>:<metric>}: no whitespace, exactly one ':' (the token itself ends with ':'). */
    private static final Pattern SET_AND_METRIC = Pattern.compile("([^\\s:]+):([^\\s:]+)");

    /**
     * A float literal: sign, digits with optional decimals or a leading '.', exponent, nan/inf.
     * The number stops before a '+' that follows its digits, so xgb.cv's {@code 0.7298+0.0123}
     * (mean+std) yields the mean.
     */
    static final String NUMBER =
            "[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?(?i:nan|inf(?:inity)?)";

    private XgboostMetricPattern() {
    }

    static boolean isSetAndMetric(String name) {
        return name != null && SET_AND_METRIC.matcher(name).matches();
    }

    /** The regex for {@code <set>:<metric>}, or empty when the name does not have that form. */
    static Optional<String> regexFor(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher parts = SET_AND_METRIC.matcher(name);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String token = Pattern.quote(logToken(parts.group(1), parts.group(2)) + ":");
        return Optional.of("(?s)^(?>.*?\\[[0-9]+\\])(?>.*?(?:\\t|#011)" + token + ")(" + NUMBER + ")");
    }

    /** How XGBoost writes {@code set:metric} in its log: {@code set-metric}. */
    static String logToken(String set, String metric) {
        return set + "-" + metric;
    }

    /** The log token for a {@code <set>:<metric>} name, or empty for other names. */
    static Optional<String> logTokenFor(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher parts = SET_AND_METRIC.matcher(name);
        return parts.matches() ? Optional.of(logToken(parts.group(1), parts.group(2))) : Optional.empty();
    }
}
