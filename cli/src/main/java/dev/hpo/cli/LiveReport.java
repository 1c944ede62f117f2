package dev.hpo.cli;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.report.Reports;
import dev.hpo.engine.tuner.TuningListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Keeps the tuning job's dashboard page current while it runs (the page reloads itself), in front of
 * another listener. Redrawn when a training job ends or running jobs' curves grew, at most every few seconds and never more than a
 * fifth of the time: a 2,000-job page takes seconds to build, and the tuner waits for it.
 */
final class LiveReport implements TuningListener {
    private static final long MIN_INTERVAL_MILLIS = 5_000;

    private final TuningListener next;
    private final Path jobDirectory;
    private final Clock clock;
    private final PrintStream err;
    private long lastWritten = Long.MIN_VALUE / 2;
    private long lastDuration;
    private boolean warned;

    LiveReport(TuningListener next, Path jobDirectory, Clock clock, PrintStream err) {
        this.next = next;
        this.jobDirectory = jobDirectory;
        this.clock = clock;
        this.err = err;
    }

    Path page() {
        return jobDirectory.resolve(Reports.DEFAULT_FILE_NAME);
    }

    @Override
    public void trainingJobStarted(TuningJob state, TrainingJob job) {
        next.trainingJobStarted(state, job);
        if (lastWritten == Long.MIN_VALUE / 2) {
            write(); // the page exists from the first job on, so it can be opened at once
        }
    }

    @Override
    public void trainingJobEnded(TuningJob state, TrainingJob job) {
        next.trainingJobEnded(state, job);
        writeIfDue();
    }

    /** Running jobs' learning curves grew (the tuner saves them every few seconds): worth a redraw, within the same bound. */
    @Override
    public void progressSaved(TuningJob state) {
        next.progressSaved(state);
        writeIfDue();
    }

    private void writeIfDue() {
        if (clock.millis() - lastWritten >= Math.max(MIN_INTERVAL_MILLIS, 4 * lastDuration)) {
            write();
        }
    }

    @Override
    public void tick(TuningJob state, int running) {
        next.tick(state, running);
    }

    @Override
    public void ended(TuningJob state) {
        next.ended(state);
    }

    /** Writes the page and result.json now; a failure is reported once and never stops the tuning job. */
    boolean write() {
        long start = clock.millis();
        try {
            Reports.writeWhileTuning(jobDirectory, page(), clock.instant());
            return true;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                err.println("warning: the dashboard " + page() + " could not be written: " + e.getMessage());
            }
            return false;
        } finally {
            lastWritten = clock.millis();
            lastDuration = lastWritten - start;
        }
    }
}
