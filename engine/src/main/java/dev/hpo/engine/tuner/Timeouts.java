package dev.hpo.engine.tuner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon timer thread for every training job's MaxRuntimeInSeconds. */
final class Timeouts {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Timeouts() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "training-job-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled timeout leaves the queue at once, with the finished job it holds
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    static void schedule(Duration delay, Runnable action) {
        TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Like {@link #schedule(Duration, Runnable)}, cancelled when {@code until} completes: a job that ends
     * early must not stay in the timer queue for the rest of its MaxRuntimeInSeconds, or 10,000 short
     * jobs with a one-hour limit keep 10,000 finished jobs in memory.
     */
    static void schedule(Duration delay, CompletableFuture<?> until, Runnable action) {
        ScheduledFuture<?> timeout = TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
        until.whenComplete((result, error) -> timeout.cancel(false));
    }

    /** Timeouts waiting in the queue. */
    static int queued() {
        return TIMER.getQueue().size();
    }
}
