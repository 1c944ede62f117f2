package dev.hpo.engine.tuner;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The attempts whose processes run, by training job name, and the queue their ends arrive on. The
 * launcher's threads only add to the queue; the tuner's loop takes from it and is the only one to
 * record an end, so a process's end never races the loop.
 */
final class RunningAttempts {
    /** An attempt's process ended with {@code exitCode} (-1 when the launcher could not tell). */
    record Ended(RunningTrainingJob run, int exitCode) {
    }

    private final Map<String, RunningTrainingJob> running = new ConcurrentHashMap<>();
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();

    /** The running attempts as a live view, for watchers on other threads (early stopping). */
    Map<String, RunningTrainingJob> view() {
        return running;
    }

    void add(RunningTrainingJob run) {
        running.put(run.started.name(), run);
    }

    void remove(String name) {
        running.remove(name);
    }

    RunningTrainingJob get(String name) {
        return running.get(name);
    }

    int size() {
        return running.size();
    }

    boolean isEmpty() {
        return running.isEmpty();
    }

    Collection<RunningTrainingJob> values() {
        return running.values();
    }

    /** Queues the attempt's end once its process exits; call after {@link RunningTrainingJob#attach}. */
    void watch(RunningTrainingJob run) {
        run.launched().exit().whenComplete((code, error) -> ended.add(new Ended(run, code == null ? -1 : code)));
    }

    /** The next end, waiting at most {@code millis}; null when none came. */
    Ended nextEnded(long millis) throws InterruptedException {
        return ended.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** An end that has already arrived, or null. */
    Ended nextEndedNow() {
        return ended.poll();
    }

    /** Sends every running attempt the stop for {@code cause}: the graceful signal, then the kill after {@code grace}. */
    void stopEach(RunningTrainingJob.StopCause cause, Duration grace) {
        for (RunningTrainingJob run : running.values()) {
            run.stop(cause, grace);
        }
    }

    /**
     * The tuner cannot go on (a full disk, a bug): its training jobs must not run on unwatched. They
     * are stopped and waited for (at most the grace and 10 s more), but their ends are not recorded:
     * the store may be what failed, and a resume runs them again.
     */
    void abandon(Duration grace) {
        List<RunningTrainingJob> runs = List.copyOf(running.values());
        for (RunningTrainingJob run : runs) {
            run.stop(RunningTrainingJob.StopCause.REQUESTED, grace);
        }
        long deadline = System.nanoTime() + grace.toNanos() + TimeUnit.SECONDS.toNanos(10);
        for (RunningTrainingJob run : runs) {
            try {
                if (run.launched() != null) {
                    run.launched().exit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (Exception stillEnding) {
                // best effort: the kill has been sent
            }
        }
    }
}
