package dev.hpo.engine.metric;

/** Small text helpers for messages that quote log content (which can be a megabyte long). */
final class Texts {

    static final int MAX_QUOTED_CHARS = 200;

    private Texts() {
    }

    static String abbreviate(String text) {
        return abbreviate(text, MAX_QUOTED_CHARS);
    }

    static String abbreviate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "...(" + (text.length() - cut) + " more chars)";
    }

    /** {@code 'text'}, abbreviated. */
    static String quote(String text) {
        return "'" + abbreviate(text) + "'";
    }
}
