package dev.hpo.engine.launch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A training job that a launcher started. */
public interface LaunchedJob {

    /**
     * Completes with the exit code once the process has ended and all its output has been delivered
     * to the listener, so the metrics are complete when the tuner reads them.
     */
    CompletableFuture<Integer> exit();

    /** Asks the job (and every process it started) to end, and forces it after {@code grace}. */
    void stop(Duration grace);
}
