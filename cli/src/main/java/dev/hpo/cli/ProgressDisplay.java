package dev.hpo.cli;

import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.tuner.TuningListener;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Shows a tuning job's progress. In a terminal a status line is redrawn in place under the lines of
 * ended training jobs; in a log (CI, no terminal) only whole lines are written, one per ended job and
 * one status line every {@code plainInterval} ticks, so logs stay readable and bounded.
 */
final class ProgressDisplay implements TuningListener {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final long PLAIN_STATUS_EVERY_MILLIS = 30_000;

    private final PrintStream out;
    private final boolean live;
    private final int maxJobs;
    private final String objective;
    private final Clock clock;
    private long lastPlainStatus;

    ProgressDisplay(PrintStream out, boolean live, int maxJobs, String objective, Clock clock) {
        this.out = out;
        this.live = live;
        this.maxJobs = maxJobs;
        this.objective = objective;
        this.clock = clock;
        this.lastPlainStatus = clock.millis();
    }

    @Override
    public synchronized void trainingJobEnded(TuningJob state, TrainingJob job) {
        if (live) {
            out.print(CLEAR_LINE);
        }
        out.println(ProgressSummary.trainingJobEnded(job, maxJobs, objective));
        if (live) {
            out.print(ProgressSummary.status(state, maxJobs, clock.instant(), objective));
        }
        out.flush();
    }

    @Override
    public synchronized void tick(TuningJob state, int running) {
        if (live) {
            out.print(CLEAR_LINE + ProgressSummary.status(state, maxJobs, clock.instant(), objective));
            out.flush();
        } else if (clock.millis() - lastPlainStatus >= PLAIN_STATUS_EVERY_MILLIS) {
            lastPlainStatus = clock.millis();
            out.println("status: " + ProgressSummary.status(state, maxJobs, clock.instant(), objective));
        }
    }

    @Override
    public synchronized void ended(TuningJob state) {
        if (live) {
            out.print(CLEAR_LINE);
        }
        out.flush();
    }
}
