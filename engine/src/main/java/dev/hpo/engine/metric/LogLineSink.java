package dev.hpo.engine.metric;

/** Receives the lines a {@link LogLineSplitter} makes, each saying whether it was cut at the line cap. */
@FunctionalInterface
public interface LogLineSink {
    /** @param cut true when the line went on past the cap: {@code text} is its first part only */
    void line(String text, boolean cut);
}
