package dev.hpo.engine.launch;

/** Receives a running training job's output, one line at a time, as it is printed. */
@FunctionalInterface
public interface OutputListener {
    void onLine(String line, boolean stderr);
}
