package dev.hpo.engine.tuner;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One daemon timer thread for every training job's MaxRuntimeInSeconds. */
final class Timeouts {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-job-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private Timeouts() {
    }

    static void schedule(Duration delay, Runnable action) {
        TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
