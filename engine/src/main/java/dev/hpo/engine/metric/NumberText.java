package dev.hpo.engine.metric;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What counts as a metric value, and whether a capture cut a number in the log short.
 *
 * <p>Accepted: optional sign, digits with optional decimals or a leading '.', optional exponent, and
 * nan / inf / infinity in any case with an optional sign (C's printf writes {@code -nan}). Surrounding
 * whitespace is ignored. {@link Double#parseDouble} alone is too lenient (it takes {@code 0x1p3},
 * {@code 1d}, {@code NaN} only in one spelling), and a lenient parser turns garbage into values.
 */
final class NumberText {

    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    private NumberText() {
    }

    static OptionalDouble parse(String captured) {
        if (captured == null) {
            return OptionalDouble.empty();
        }
        String text = captured.strip();
        if (DECIMAL.matcher(text).matches()) {
            return OptionalDouble.of(Double.parseDouble(text));
        }
        boolean negative = text.startsWith("-");
        String word = (negative || text.startsWith("+") ? text.substring(1) : text).toLowerCase(Locale.ROOT);
        switch (word) {
            case "nan":
                return OptionalDouble.of(Double.NaN);
            case "inf", "infinity":
                return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            default:
                return OptionalDouble.empty();
        }
    }

    /**
     * If the capture {@code [start, end)} of a decimal number sits inside a longer numeric literal of the
     * line, returns that literal. Examples: {@code 9.8} out of {@code 9.8e-06}, {@code 3} out of
     * {@code 3.14}, {@code 0.5} out of {@code -0.5}. Recording the capture would be a silently wrong value.
     *
     * <p>Not a continuation: a '+' after the digits (xgb.cv's {@code mean+std}), a second '.' after a
     * number that already has one (version strings), a '-' glued to a word ({@code e-05},
     * {@code val-0.5}), and the {@code #011} tab marker before the capture.
     */
    static Optional<String> enclosingLiteral(CharSequence line, int start, int end) {
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        String captured = line.subSequence(start, end).toString();
        if (!DECIMAL.matcher(captured).matches()) {
            return Optional.empty(); // whitespace at an edge, nan/inf: the capture ends cleanly
        }
        boolean continuesAfter = continuesAfter(line, end, captured);
        int literalStart = literalStartBefore(line, start, captured);
        if (!continuesAfter && literalStart == start) {
            return Optional.empty();
        }
        int literalEnd = Math.max(end, scanLiteralEnd(line, literalStart));
        return Optional.of(line.subSequence(literalStart, literalEnd).toString());
    }

    private static boolean continuesAfter(CharSequence line, int end, String captured) {
        if (end >= line.length()) {
            return false;
        }
        boolean hasDot = captured.indexOf('.') >= 0;
        boolean hasExponent = captured.indexOf('e') >= 0 || captured.indexOf('E') >= 0;
        char next = line.charAt(end);
        if (isDigit(next)) {
            return true;
        }
        if (next == '.' && !hasDot && !hasExponent) {
            return isDigit(at(line, end + 1));
        }
        if ((next == 'e' || next == 'E') && !hasExponent) {
            char afterE = at(line, end + 1);
            return isDigit(afterE) || (isSign(afterE) && isDigit(at(line, end + 2)));
        }
        return false;
    }

    /** Where the literal really starts if the capture dropped its sign or leading digits; else start. */
    private static int literalStartBefore(CharSequence line, int start, String captured) {
        if (start == 0 || isSign(captured.charAt(0))) {
            return start;
        }
        if (start >= CompiledMetric.OCTAL_TAB.length()
                && CompiledMetric.OCTAL_TAB.contentEquals(line.subSequence(start - 4, start))) {
            return start; // "#011" is a tab, its '1' is not a digit of the number
        }
        int i = start;
        boolean hasDot = captured.indexOf('.') >= 0;
        while (i > 0 && (isDigit(line.charAt(i - 1)) || (line.charAt(i - 1) == '.' && !hasDot
                && i >= 2 && isDigit(line.charAt(i - 2))))) {
            hasDot |= line.charAt(i - 1) == '.';
            i--;
        }
        if (i > 0 && line.charAt(i - 1) == '-' && (i == 1 || !isWordChar(line.charAt(i - 2)))) {
            i--; // a minus sign, not a hyphen: it starts the line or follows ':', '=', ' ', ...
        }
        return i;
    }

    /** End of the longest float literal starting at {@code from}. */
    private static int scanLiteralEnd(CharSequence line, int from) {
        int i = from;
        if (isSign(at(line, i))) {
            i++;
        }
        while (isDigit(at(line, i))) {
            i++;
        }
        if (at(line, i) == '.') {
            i++;
            while (isDigit(at(line, i))) {
                i++;
            }
        }
        char e = at(line, i);
        if (e == 'e' || e == 'E') {
            int j = i + 1;
            if (isSign(at(line, j))) {
                j++;
            }
            if (isDigit(at(line, j))) {
                while (isDigit(at(line, j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static char at(CharSequence line, int index) {
        return index >= 0 && index < line.length() ? line.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
