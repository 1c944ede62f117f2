package dev.hpo.engine.tuner;

import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.Store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code tune --resume} goes on from, read from the records a dead or stopped tuner left: the
 * training jobs kept exactly as recorded, the ones run again (the tuner's death is not their fault),
 * and the index the next new job gets, so the tuning job ends with as many jobs as without the crash.
 */
final class ResumePlan {
    private final List<TrainingJob> kept;
    private final List<TrainingJob> rerun;
    private final int nextIndex;

    private ResumePlan(List<TrainingJob> kept, List<TrainingJob> rerun, int nextIndex) {
        this.kept = kept;
        this.rerun = rerun;
        this.nextIndex = nextIndex;
    }

    /** @param recorded every training job in the store, in the store's order */
    static ResumePlan of(List<TrainingJob> recorded) {
        List<TrainingJob> kept = new ArrayList<>();
        List<TrainingJob> rerun = new ArrayList<>();
        int next = 0;
        for (TrainingJob job : recorded) {
            next = Math.max(next, job.index() + 1);
            (interrupted(job) ? rerun : kept).add(job);
        }
        return new ResumePlan(List.copyOf(kept), List.copyOf(rerun), next);
    }

    /**
     * A job the tuner's death or a stop cut short, or one whose retry was still to start: it did not
     * end on its own for good, so it runs again.
     */
    static boolean interrupted(TrainingJob job) {
        return !job.status().terminal()
                || (job.status() == TrainingJobStatus.Stopped && TrainingJobOutcome.STOPPED_BY_REQUEST.equals(job.failureReason()))
                || job.awaitsRetry();
    }

    /**
     * The tuning job in the store, if {@code config} may resume it.
     *
     * @throws IllegalStateException naming why not: no tuning job, another config, or one that already ended
     */
    static TuningJob resumable(TuningJobConfig config, Store store, Path jobDirectory) throws IOException {
        TuningJob previous = store.tuningJob().orElseThrow(() -> new IllegalStateException(
                "there is no tuning job to resume in " + jobDirectory + "; run it without --resume"));
        if (previous.request() != null && !previous.request().equals(config.request())) {
            throw new IllegalStateException("the config differs from the one tuning job " + previous.name()
                    + " was started with; resume it with the same config, or start a new tuning job");
        }
        if (previous.status() == TuningJobStatus.Completed || previous.status() == TuningJobStatus.Failed) {
            throw new IllegalStateException("tuning job " + previous.name() + " has already ended (" + previous.status()
                    + "); there is nothing to resume");
        }
        return previous;
    }

    /** The jobs that ended on their own, in the store's order: their records stay as they are. */
    List<TrainingJob> kept() {
        return kept;
    }

    /** The jobs to run again under their own names and hyperparameters, in the store's order. */
    List<TrainingJob> rerun() {
        return rerun;
    }

    /** The index of the first training job the strategy has not suggested yet. */
    int nextIndex() {
        return nextIndex;
    }

    /** The kept jobs' final objectives in the order the jobs ended, as the completion criteria saw them. */
    List<Double> objectivesInEndOrder() {
        List<TrainingJob> byEnd = new ArrayList<>(kept);
        byEnd.sort(Comparator.comparing((TrainingJob j) -> j.trainingEndTime() == null ? Instant.MAX : j.trainingEndTime())
                .thenComparingInt(TrainingJob::index));
        List<Double> objectives = new ArrayList<>();
        for (TrainingJob job : byEnd) {
            if (job.hasObjective()) {
                objectives.add(job.finalObjective());
            }
        }
        return objectives;
    }
}
