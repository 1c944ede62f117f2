package dev.hpo.engine.metric;

/**
 * A line as the regex engine sees it, with a limit on how many characters the engine may read.
 *
 * <p>{@code java.util.regex} backtracks: a user regex like {@code (a+)+b} takes exponential time on a
 * line of a's, and nothing else can interrupt it. Every character read goes through {@link #charAt},
 * so counting reads bounds the work and turns a hang into a {@link BudgetExceeded} that the caller
 * reports as a warning.
 */
final class BudgetedCharSequence implements CharSequence {

    /** Thrown from inside the regex engine when the budget is spent; no stack trace (it is expected). */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regex character budget exceeded", null, false, false);
        }
    }

    private final CharSequence text;
    private long remaining;

    BudgetedCharSequence(CharSequence text, long budget) {
        this.text = text;
        this.remaining = budget;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Used by {@code Matcher.group()} after matching; copying a found value is not budgeted. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
