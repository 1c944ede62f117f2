package dev.hpo.engine.tuner;

import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.metric.MetricSeries;
import dev.hpo.engine.model.TrainingJob;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One attempt of a training job while its process runs: the metrics scraped so far, the last line of
 * stderr (quoted in failure reasons), and why the tuner stopped it, if it did.
 */
final class RunningTrainingJob implements OutputListener {
    enum StopCause {
        NONE, MAX_RUNTIME, REQUESTED, EARLY_STOPPED, TUNING_JOB_COMPLETED,
        /** the early-stopping rule's budget for the job (Hyperband's MaxResource) is used up: it is done */
        BUDGET_SPENT
    }

    final TrainingJob started;
    private final MetricExtractor extractor;
    private final String objectiveName;
    private final Consumer<RunningTrainingJob> onObjectiveValue;
    private volatile String lastStderrLine = "";
    private StopCause stopCause = StopCause.NONE;
    private Duration pendingGrace;
    private LaunchedJob launched;
    private long objectiveValuesSeen;
    private volatile boolean judged;
    private int judgedAtStep;

    /** @param onObjectiveValue called (on an output thread) each time the objective series gains a value */
    RunningTrainingJob(TrainingJob started, MetricExtractor extractor, String objectiveName,
                       Consumer<RunningTrainingJob> onObjectiveValue) {
        this.started = started;
        this.extractor = extractor;
        this.objectiveName = objectiveName;
        this.onObjectiveValue = onObjectiveValue;
    }

    @Override
    public void onLine(String line, boolean stderr) {
        onLine(line, stderr, false);
    }

    @Override
    public void onLine(String line, boolean stderr, boolean cut) {
        if (judged) {
            // the job was judged at its last step; what it prints while it shuts down is logged, not scored
            return;
        }
        boolean gained;
        // stdout and stderr arrive on two threads
        synchronized (extractor) {
            extractor.onLine(line, cut);
            MetricSeries objective = extractor.series(objectiveName);
            long count = objective == null ? 0 : objective.valueCount();
            gained = count > objectiveValuesSeen;
            objectiveValuesSeen = count;
        }
        if (stderr && !line.isBlank()) {
            lastStderrLine = line;
        }
        if (gained) {
            // outside the extractor's lock: the callback reads other jobs' extractors
            onObjectiveValue.accept(this);
        }
    }

    MetricExtractor extractor() {
        return extractor;
    }

    /** The objective values so far (the kept prefix when a job prints more than the series keeps). */
    double[] objectiveValues() {
        synchronized (extractor) {
            MetricSeries objective = extractor.series(objectiveName);
            return objective == null ? new double[0] : objective.valuesArray();
        }
    }

    /** How many values every metric has gained so far: grows whenever there is more to show. */
    long valuesSeen() {
        synchronized (extractor) {
            long count = 0;
            for (MetricSeries series : extractor.allSeries().values()) {
                count += series.valueCount();
            }
            return count;
        }
    }

    /** The job's InProgress record with every metric's values so far (the kept prefix of each). */
    TrainingJob progress() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        synchronized (extractor) {
            for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
                List<Double> values = entry.getValue().values();
                if (!values.isEmpty()) {
                    series.put(entry.getKey(), values);
                }
            }
        }
        return started.withSeriesSoFar(series);
    }

    String lastStderrLine() {
        return lastStderrLine;
    }

    synchronized void attach(LaunchedJob job) {
        this.launched = job;
        if (pendingGrace != null) {
            // a stop decided while launch() was still returning (output arrives from the first instant)
            job.stop(pendingGrace);
        }
    }

    synchronized LaunchedJob launched() {
        return launched;
    }

    /** Stops the process for {@code cause}, unless the tuner already stopped it for another. */
    synchronized boolean stop(StopCause cause, Duration grace) {
        return stopAtStep(cause, 0, grace);
    }

    /**
     * Stops the process because early stopping judged it at objective value {@code step} (1-based):
     * values it prints after that are not scored.
     */
    synchronized boolean stopAtStep(StopCause cause, int step, Duration grace) {
        if (stopCause != StopCause.NONE) {
            return false;
        }
        stopCause = cause;
        judgedAtStep = step;
        judged = cause == StopCause.EARLY_STOPPED || cause == StopCause.BUDGET_SPENT;
        if (launched != null) {
            launched.stop(grace);
        } else {
            pendingGrace = grace;
        }
        return true;
    }

    /** The objective value (1-based) at which early stopping ended the job, or 0. */
    synchronized int judgedAtStep() {
        return judgedAtStep;
    }

    synchronized StopCause stopCause() {
        return stopCause;
    }
}
