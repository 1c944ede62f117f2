package dev.hpo.engine.tuner;

import dev.hpo.engine.metric.FinalValue;
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
import java.util.OptionalDouble;

/** Turns an ended process (exit code, scraped metrics, why it was stopped) into the training job's record. */
final class TrainingJobOutcome {
    /** The failure reason of a job that the user's stop (or Ctrl-C) ended; resume re-runs these. */
    static final String STOPPED_BY_REQUEST = "stopped because the tuning job was stopped";

    private TrainingJobOutcome() {
    }

    static TrainingJob of(RunningTrainingJob run, String objectiveName, Map<String, FinalValue> rules, int exitCode,
                          long maxRuntimeSeconds, Instant end) {
        List<String> warnings;
        synchronized (run.extractor()) {
            warnings = new ArrayList<>(run.extractor().warnings());
            for (MetricSeries series : run.extractor().allSeries().values()) {
                if (series.valuesCapped()) {
                    // the record keeps a bounded series; say how much of it there was
                    warnings.add("metric '" + series.name() + "' emitted " + series.valueCount() + " values; the series keeps the first "
                            + series.values().size() + ", and the final value counts them all");
                }
            }
        }
        return decide(run, objectiveName, rules, exitCode, maxRuntimeSeconds, end).withWarnings(warnings);
    }

    private static TrainingJob decide(RunningTrainingJob run, String objectiveName, Map<String, FinalValue> rules, int exitCode,
                                      long maxRuntimeSeconds, Instant end) {
        MetricExtractor extractor = run.extractor();
        Map<String, Double> finals = new LinkedHashMap<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        FinalValue objectiveRule = rules.getOrDefault(objectiveName, FinalValue.Last);
        ObjectiveVerdict verdict;
        OptionalDouble objectiveSoFar = OptionalDouble.empty();
        synchronized (extractor) {
            for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
                List<Double> values = new ArrayList<>(entry.getValue().values());
                if (!values.isEmpty()) {
                    series.put(entry.getKey(), values);
                    OptionalDouble value = rules.getOrDefault(entry.getKey(), FinalValue.Last).of(entry.getValue());
                    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                        finals.put(entry.getKey(), value.getAsDouble());
                    }
                }
            }
            verdict = ObjectiveVerdict.decide(objectiveName, extractor, exitCode, run.lastStderrLine(), objectiveRule);
            MetricSeries objective = extractor.series(objectiveName);
            if (objective != null) {
                objectiveSoFar = objectiveRule.of(objective);
            }
        }
        TrainingJob started = run.started;
        return switch (run.stopCause()) {
            case MAX_RUNTIME -> started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                    "the training job ran past StoppingCondition.MaxRuntimeInSeconds (" + maxRuntimeSeconds + " s, all attempts together)"
                            + " and was stopped", finals, series, end, exitCode);
            case REQUESTED -> started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                    STOPPED_BY_REQUEST, finals, series, end, exitCode);
            case TUNING_JOB_COMPLETED -> started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                    "stopped because the tuning job met a completion criterion", finals, series, end, exitCode);
            case EARLY_STOPPED -> earlyStopped(started, objectiveName, objectiveSoFar, finals, series, end, exitCode);
            case BUDGET_SPENT -> budgetSpent(started, objectiveName, objectiveRule, run.judgedAtStep(), finals, series, end, exitCode);
            case NONE -> verdict.succeeded()
                    ? started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, verdict.value(), null, finals, series, end, exitCode)
                    : started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, verdict.failureReason(), finals, series, end, exitCode);
        };
    }

    /**
     * A job ended because it used its whole budget (Hyperband's MaxResource) is done, as if it had ended by
     * itself there: Completed, its objective the FinalValue rule over the values up to that step (a value
     * another thread scraped while the stop was being decided does not count).
     */
    private static TrainingJob budgetSpent(TrainingJob started, String objectiveName, FinalValue rule, int step,
                                           Map<String, Double> finals, Map<String, List<Double>> series, Instant end, int exitCode) {
        List<Double> values = series.getOrDefault(objectiveName, List.of());
        if (step > 0 && values.size() > step) {
            values = List.copyOf(values.subList(0, step));
            series.put(objectiveName, values);
        }
        OptionalDouble objective = rule.of(values);
        if (objective.isPresent() && Double.isFinite(objective.getAsDouble())) {
            finals.put(objectiveName, objective.getAsDouble());
            return started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, objective.getAsDouble(), null,
                    finals, series, end, exitCode).markedEndedAtMaxResource();
        }
        finals.remove(objectiveName);
        return started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null,
                "ended by Hyperband at MaxResource (step " + values.size() + "); its final value of " + objectiveName
                        + " is not a finite number", finals, series, end, exitCode).markedEndedAtMaxResource();
    }

    /** SageMaker keeps an early-stopped job's last objective value: it still counts for the search. */
    private static TrainingJob earlyStopped(TrainingJob started, String objectiveName, OptionalDouble objective,
                                            Map<String, Double> finals, Map<String, List<Double>> series, Instant end, int exitCode) {
        if (objective.isPresent() && Double.isFinite(objective.getAsDouble())) {
            return started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Succeeded, objective.getAsDouble(), null,
                    finals, series, end, exitCode).markedEarlyStopped();
        }
        return started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null,
                "stopped by early stopping; its last value of " + objectiveName + " is not a finite number", finals, series, end, exitCode)
                .markedEarlyStopped();
    }
}
