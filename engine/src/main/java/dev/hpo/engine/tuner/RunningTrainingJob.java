package dev.hpo.engine.tuner;

import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.model.TrainingJob;

/**
 * A training job while its process runs: the metrics scraped so far, the last line of stderr (quoted
 * in failure reasons), and why the tuner stopped it, if it did.
 */
final class RunningTrainingJob implements OutputListener {
    enum StopCause { NONE, MAX_RUNTIME, REQUESTED }

    final TrainingJob started;
    private final MetricExtractor extractor;
    private volatile String lastStderrLine = "";
    private volatile StopCause stopCause = StopCause.NONE;
    private LaunchedJob launched;

    RunningTrainingJob(TrainingJob started, MetricExtractor extractor) {
        this.started = started;
        this.extractor = extractor;
    }

    @Override
    public void onLine(String line, boolean stderr) {
        // stdout and stderr arrive on two threads
        synchronized (extractor) {
            extractor.onLine(line);
        }
        if (stderr && !line.isBlank()) {
            lastStderrLine = line;
        }
    }

    MetricExtractor extractor() {
        return extractor;
    }

    String lastStderrLine() {
        return lastStderrLine;
    }

    void attach(LaunchedJob job) {
        this.launched = job;
    }

    LaunchedJob launched() {
        return launched;
    }

    void markStopped(StopCause cause) {
        if (stopCause == StopCause.NONE) {
            stopCause = cause;
        }
    }

    StopCause stopCause() {
        return stopCause;
    }
}
