package dev.hpo.xgboost.serve;

/**
 * Decimal text to float, rounded the way XGBoost's CSV loader rounds it rather than the way
 * {@link Float#parseFloat} does.
 *
 * <p>Java rounds correctly, once. XGBoost's loader (dmlc-core's fast parser) does not: it takes the
 * integer part as a float, adds the fraction computed in double and rounded to float, then scales by
 * a power of ten built up in steps. On realistic data about one value in fifteen comes out one unit in
 * the last place apart, and a tree whose split threshold lies between the two sends the row the other
 * way: a served score would differ from {@code hpo predict} and from the metrics training printed.
 * So the server parses as the loader does. The arithmetic below states that behaviour as observed;
 * LoaderFloatsTest checks it against XGBoost's loader on some hundred thousand numbers of every shape.
 *
 * <p>Input is assumed to have passed {@link RequestParser}'s syntax check.
 */
final class LoaderFloats {
    /** Fraction digits beyond this many are read but ignored. */
    private static final int MAX_FRACTION_DIGITS = 19;

    private LoaderFloats() {
    }

    static float parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Float.NaN;
        }
        int p = 0;
        boolean negative = false;
        if (s.charAt(p) == '-') {
            negative = true;
            p++;
        } else if (s.charAt(p) == '+') {
            p++;
        }
        String word = s.substring(p).toLowerCase(java.util.Locale.ROOT);
        if (word.equals("nan")) {
            return Float.NaN;
        }
        if (word.equals("inf") || word.equals("infinity")) {
            return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        long integer = 0; // unsigned 64-bit, as the loader keeps it
        while (p < s.length() && digit(s.charAt(p))) {
            integer = integer * 10 + (s.charAt(p++) - '0');
        }
        float value = (float) unsigned(integer);
        if (p < s.length() && s.charAt(p) == '.') {
            p++;
            long fraction = 0, scale = 1;
            int digits = 0;
            while (p < s.length() && digit(s.charAt(p))) {
                if (digits < MAX_FRACTION_DIGITS) {
                    fraction = fraction * 10 + (s.charAt(p) - '0');
                    scale *= 10;
                }
                p++;
                digits++;
            }
            value += (float) (unsigned(fraction) / unsigned(scale));
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            boolean divide = false;
            if (p < s.length() && s.charAt(p) == '-') {
                divide = true;
                p++;
            } else if (p < s.length() && s.charAt(p) == '+') {
                p++;
            }
            int exponent = 0;
            while (p < s.length() && digit(s.charAt(p))) {
                exponent = Math.min(1000, exponent * 10 + (s.charAt(p++) - '0'));
            }
            exponent = Math.min(exponent, 38);
            float power = 1f;
            for (; exponent >= 8; exponent -= 8) {
                power = (float) (power * 1e8);
            }
            for (; exponent > 0; exponent--) {
                power = (float) (power * 10.0);
            }
            value = divide ? value / power : value * power;
        }
        if (value != 0 && Math.abs(value) < Float.MIN_NORMAL) {
            // the loader reads every value too small for a normal float as the largest subnormal one
            value = Math.nextDown(Float.MIN_NORMAL);
        }
        return negative ? -value : value;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An unsigned 64-bit integer as the nearest double. */
    private static double unsigned(long x) {
        return x >= 0 ? (double) x : ((x >>> 1) | (x & 1)) * 2.0;
    }
}
