package dev.hpo.engine.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers what the log looked like, to explain an objective that was never found.
 *
 * <ul>
 *   <li>XGBoost-like tokens {@code <set>-<metric>:} followed by a number, e.g. {@code validation_0-auc}
 *       from the sklearn API, which the predefined {@code validation:auc} rightly does not match.</li>
 *   <li>For each metric that has not matched yet, the first line that mentions its name loosely
 *       (case, '-', '_', ':' and other punctuation ignored), e.g. {@code validation_accuracy=0.81}
 *       for a metric named {@code Validation-accuracy}.</li>
 * </ul>
 * Both are bounded and stop costing anything once full.
 */
final class LogHints {

    static final int MAX_TOKENS = 32;
    private static final int MIN_LOOSE_NAME_CHARS = 3;

    /**
     * A word (letter first, so dates like 2021-03-04 are skipped), '-', a metric name, ':' and the start
     * of a number. The lookbehind makes each word run start one attempt only, and the possessive
     * quantifiers keep matching linear on long lines.
     */
    private static final Pattern XGBOOST_TOKEN = Pattern.compile(
            "(?<![\\w.@-])([A-Za-z_][\\w.]*+-[A-Za-z_][\\w@.\\-]*+):(?=[-+]?[.0-9nNiI])");

    /** A line where a metric's name appears loosely. */
    record NearMiss(long lineNumber, String line) {
    }

    private final Set<String> tokens = new LinkedHashSet<>();
    private final Map<String, NearMiss> nearMisses = new HashMap<>();

    void observeTokens(String line, long budget) {
        if (tokens.size() >= MAX_TOKENS || line.indexOf('-') < 0 || line.indexOf(':') < 0) {
            return;
        }
        Matcher m = XGBOOST_TOKEN.matcher(new BudgetedCharSequence(line, budget));
        try {
            while (m.find() && tokens.size() < MAX_TOKENS) {
                tokens.add(m.group(1));
            }
        } catch (BudgetedCharSequence.BudgetExceeded | StackOverflowError ignored) {
            // hints are best effort; a pathological line just gives none
        }
    }

    /**
     * Records {@code line} as a near miss for each given metric name that it mentions loosely and that
     * has no near miss yet. {@code looseLine} is {@link #loose(String)} of the line, computed once.
     */
    void observeNearMiss(String metricName, String line, String looseLine, long lineNumber) {
        if (nearMisses.containsKey(metricName)) {
            return;
        }
        String looseName = loose(metricName);
        if (looseName.length() >= MIN_LOOSE_NAME_CHARS && looseLine.contains(looseName)) {
            nearMisses.put(metricName, new NearMiss(lineNumber, Texts.abbreviate(line.strip())));
        }
    }

    boolean wantsNearMiss(String metricName) {
        return !nearMisses.containsKey(metricName);
    }

    List<String> tokens() {
        return new ArrayList<>(tokens);
    }

    Optional<NearMiss> nearMiss(String metricName) {
        return Optional.ofNullable(nearMisses.get(metricName));
    }

    /** Lower-case letters and digits only: "Validation-accuracy" and "validation_accuracy" agree. */
    static String loose(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
