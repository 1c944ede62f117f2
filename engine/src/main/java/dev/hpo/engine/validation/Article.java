package dev.hpo.engine.validation;

/**
 * "a" or "an" before a word that only comes to a message at run time (a range type, a number's
 * spelling), judged by its first letter: enough for the words our messages put there.
 */
public final class Article {
    private Article() {
    }

    /** {@code "an integer"}, {@code "an Infinity"}, {@code "a categorical"}, {@code "a -Infinity"}. */
    public static String before(String word) {
        boolean vowel = !word.isEmpty() && "aeiouAEIOU".indexOf(word.charAt(0)) >= 0;
        return (vowel ? "an " : "a ") + word;
    }
}
