package dev.hpo.engine.launch;

/** Receives a running training job's output, one line at a time, as it is printed. */
@FunctionalInterface
public interface OutputListener {
    void onLine(String line, boolean stderr);

    /**
     * A line, saying whether it was cut at the launcher's line cap ({@code line} is then its first part).
     * Listeners that do not care about cuts need not override it.
     */
    default void onLine(String line, boolean stderr, boolean cut) {
        onLine(line, stderr);
    }
}
