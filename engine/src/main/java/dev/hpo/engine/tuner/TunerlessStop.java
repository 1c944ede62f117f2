package dev.hpo.engine.tuner;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.Store;
import dev.hpo.engine.store.TunerLock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops a tuning job whose tuner died (kill -9, a reboot): nobody is left to receive a stop request,
 * so this ends what the dead tuner left running and writes the ends it could not write. Interrupted
 * training jobs are recorded as a user's stop records them, so {@code tune --resume} re-runs them as
 * it would after any stop.
 */
public final class TunerlessStop {
    /** The tuning job's completion reason once stopped this way. */
    public static final String REASON = "stopped by hpo stop after its tuner had died";

    /**
     * @param tuningJob        the tuning job as recorded after the stop, or as found when it had already ended
     * @param alreadyEnded     true when the tuning job had ended before: nothing was done
     * @param trainingJobsStopped the interrupted training jobs now recorded Stopped
     */
    public record Outcome(TuningJob tuningJob, boolean alreadyEnded, int trainingJobsStopped) {
    }

    private TunerlessStop() {
    }

    /**
     * Holds the tuner lock throughout, so a tuner starting at the same moment cannot run the job while
     * its records are rewritten.
     *
     * @throws dev.hpo.engine.store.TunerLockHeldException when a live tuner runs the job (it can be asked to stop instead)
     * @throws IllegalStateException when the directory holds no tuning job
     */
    public static Outcome stop(Store store, Path jobDirectory, Launcher launcher, Clock clock) throws IOException {
        try (TunerLock lock = TunerLock.acquire(jobDirectory)) {
            TuningJob job = store.tuningJob().orElseThrow(() -> new IllegalStateException("there is no tuning job in " + jobDirectory));
            if (job.status().terminal()) {
                return new Outcome(job, true, 0);
            }
            Optional<ObjectiveType> objective = objectiveType(job);
            TrainingJobBook book = new TrainingJobBook(objective.orElse(ObjectiveType.Minimize));
            int stopped = 0;
            for (TrainingJob trainingJob : store.trainingJobs()) {
                TrainingJob recorded = trainingJob;
                if (!trainingJob.status().terminal()) {
                    // the dead tuner's process of this job (and what it started) may still run
                    launcher.reclaim(store.trainingJobDirectory(trainingJob.name()));
                    recorded = trainingJob.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                            TrainingJobOutcome.STOPPED_BY_REQUEST, trainingJob.finalMetrics(), trainingJob.series(),
                            clock.instant(), null);
                    store.save(recorded);
                    stopped++;
                }
                book.put(recorded.name(), recorded);
            }
            Instant now = clock.instant();
            TrainingJob best = objective.isPresent() ? book.best() : job.bestTrainingJob();
            TuningJob ended = job.with(TuningJobStatus.Stopped, book.counters(), best, now).ended(TuningJobStatus.Stopped, REASON, null, now);
            store.save(ended);
            return new Outcome(ended, false, stopped);
        }
    }

    /** The direction from the request the tuning job was created with; the best job depends on it. */
    private static Optional<ObjectiveType> objectiveType(TuningJob job) {
        String type = Optional.ofNullable(job.request())
                .map(r -> r.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective").path("Type").asText(""))
                .orElse("");
        // without a recorded request (an old store) the best job the tuner last recorded stays
        return type.equals("Maximize") || type.equals("Minimize") ? Optional.of(ObjectiveType.valueOf(type)) : Optional.empty();
    }
}
