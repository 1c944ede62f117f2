package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.tuner.TuningListener;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The tuning job as a CI console shows it: never the training jobs' own output (that is in each job's
 * log file), one line per ended training job while there are few, then only new bests and a status
 * line every so often, so a 2,000-job tuning job leaves a console a person can still read. Every line
 * is cut at a fixed length, because hyperparameter values and failure reasons come from users.
 */
public final class ConsoleProgress implements TuningListener {
    public static final String PREFIX = "[hpo] ";
    static final int MAX_LINE_CHARS = 400;

    private final Consumer<String> console;
    private final int maxJobs;
    private final String objectiveName;
    private final ObjectiveType type;
    private final int detailedJobs;
    private final int statusEvery;
    private Double best;
    private int ended;
    private int quiet;

    /**
     * @param detailedJobs how many training jobs get a line each before the console goes quiet
     * @param statusEvery  after that, one status line per this many ended training jobs
     */
    public ConsoleProgress(Consumer<String> console, int maxJobs, String objectiveName, ObjectiveType type,
                           int detailedJobs, int statusEvery) {
        this.console = console;
        this.maxJobs = maxJobs;
        this.objectiveName = objectiveName;
        this.type = type;
        this.detailedJobs = detailedJobs;
        this.statusEvery = Math.max(1, statusEvery);
    }

    public static ConsoleProgress standard(Consumer<String> console, int maxJobs, String objectiveName, ObjectiveType type) {
        return new ConsoleProgress(console, maxJobs, objectiveName, type, 30, 25);
    }

    @Override
    public synchronized void trainingJobEnded(TuningJob state, TrainingJob job) {
        ended++;
        boolean newBest = job.hasObjective() && (best == null || type.better(job.finalObjective(), best));
        if (newBest) {
            best = job.finalObjective();
        }
        if (ended <= detailedJobs) {
            print(ProgressSummary.trainingJobEnded(job, maxJobs, objectiveName) + (newBest && ended > 1 ? "  (new best)" : ""));
            if (ended == detailedJobs && maxJobs > detailedJobs) {
                print("further training jobs: only new bests and a status line every " + statusEvery + " jobs; each job's log is in its directory");
            }
            return;
        }
        if (newBest) {
            print("new best " + ProgressSummary.trainingJobEnded(job, maxJobs, objectiveName));
        } else {
            quiet++;
        }
        if (ended % statusEvery == 0) {
            print(ProgressSummary.status(state, maxJobs, job.trainingEndTime() == null ? Instant.now() : job.trainingEndTime(), objectiveName));
        }
    }

    @Override
    public synchronized void ended(TuningJob state) {
        print("tuning job " + state.name() + " " + state.status()
                + (state.completionReason() == null ? "" : " (" + state.completionReason() + ")")
                + (quiet > 0 ? "; " + quiet + " training jobs ended without a line here" : ""));
        print(ProgressSummary.status(state, maxJobs, state.endTime() == null ? state.lastModifiedTime() : state.endTime(), objectiveName));
        if (state.failureReason() != null) {
            print("failure reason: " + state.failureReason());
        }
    }

    private void print(String line) {
        String text = line.replaceAll("[\\r\\n\\p{Cntrl}]+", " ");
        console.accept(PREFIX + (text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) + " ..." : text));
    }
}
