package dev.hpo.engine.tuner;

import dev.hpo.engine.store.Store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes running training jobs' records with their intermediate values so far, so that readers in
 * other processes (the dashboard, describe) see learning curves grow instead of waiting for the end.
 * At most once per interval, and only the jobs whose series grew: a progress record is an atomic
 * rewrite without a forced flush, and a job that prints nothing new costs nothing.
 */
final class ProgressSaver {
    /** How often running jobs' records are brought up to date, the dashboard's reload period. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Store store;
    private final Clock clock;
    private final Duration interval;
    // by attempt, not by name: a retried job starts counting again
    private final Map<RunningTrainingJob, Long> savedCounts = new IdentityHashMap<>();
    private Instant lastSaved;

    ProgressSaver(Store store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.lastSaved = clock.instant();
    }

    /**
     * Called from the tuner's loop, the only thread that writes records, so a progress record never
     * lands after the job's final one.
     *
     * @return how many records were written (0 when not due or nothing grew)
     */
    int saveIfDue(Collection<RunningTrainingJob> running) throws IOException {
        Instant now = clock.instant();
        if (Duration.between(lastSaved, now).compareTo(interval) < 0) {
            return 0;
        }
        lastSaved = now;
        savedCounts.keySet().retainAll(running);
        int written = 0;
        for (RunningTrainingJob run : running) {
            long seen = run.valuesSeen();
            if (seen > savedCounts.getOrDefault(run, 0L)) {
                store.save(run.progress());
                savedCounts.put(run, seen);
                written++;
            }
        }
        return written;
    }
}
