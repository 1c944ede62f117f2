package dev.hpo.engine.describe;

import dev.hpo.engine.model.TuningJob;

import java.time.Instant;

/**
 * Where a tuning job's elapsed time stops counting: at its end, or, when no tuner runs it any more
 * (it was interrupted), at its last recorded change; a job that no one runs does not keep ageing.
 * Whether a tuner runs is for the caller to say: only another process than the tuner may ask the lock.
 */
public final class ElapsedTime {
    private ElapsedTime() {
    }

    public static Instant end(TuningJob job, Instant now, boolean interrupted) {
        if (job.endTime() != null) {
            return job.endTime();
        }
        if (interrupted && job.lastModifiedTime() != null) {
            return job.lastModifiedTime();
        }
        return now;
    }
}
