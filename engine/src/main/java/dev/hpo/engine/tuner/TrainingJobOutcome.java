package dev.hpo.engine.tuner;

import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.metric.MetricSeries;
import dev.hpo.engine.metric.ObjectiveVerdict;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an ended process (exit code, scraped metrics, why it was stopped) into the training job's record. */
final class TrainingJobOutcome {
    private TrainingJobOutcome() {
    }

    static TrainingJob of(RunningTrainingJob run, String objectiveName, int exitCode, long maxRuntimeSeconds, Instant end) {
        MetricExtractor extractor = run.extractor();
        Map<String, Double> finals = new LinkedHashMap<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        ObjectiveVerdict verdict;
        synchronized (extractor) {
            for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
                List<Double> values = new ArrayList<>(entry.getValue().values());
                if (!values.isEmpty()) {
                    series.put(entry.getKey(), values);
                    double last = values.get(values.size() - 1);
                    if (Double.isFinite(last)) {
                        finals.put(entry.getKey(), last);
                    }
                }
            }
            verdict = ObjectiveVerdict.decide(objectiveName, extractor, exitCode, run.lastStderrLine());
        }
        TrainingJob started = run.started;
        return switch (run.stopCause()) {
            case MAX_RUNTIME -> started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                    "the training job ran past StoppingCondition.MaxRuntimeInSeconds (" + maxRuntimeSeconds + " s) and was stopped",
                    finals, series, end, exitCode);
            case REQUESTED -> started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                    "stopped because the tuning job was stopped", finals, series, end, exitCode);
            case NONE -> verdict.succeeded()
                    ? started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, verdict.value(), null, finals, series, end, exitCode)
                    : started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, verdict.failureReason(), finals, series, end, exitCode);
        };
    }
}
