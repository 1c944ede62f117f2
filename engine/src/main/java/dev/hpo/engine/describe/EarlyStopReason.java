package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.util.List;
import java.util.Optional;

/**
 * Why an early-stopped training job is Stopped, told from what training-job.json records (the
 * earlyStopped mark and the objective's series: the step is the number of values it holds).
 * SageMaker leaves FailureReason empty for early-stopped jobs, so listings carry it in an extra
 * field, {@link #FIELD}, rather than make it look like a failure.
 */
public final class EarlyStopReason {
    public static final String FIELD = "EarlyStoppingReason";

    private EarlyStopReason() {
    }

    public static Optional<String> of(TrainingJob job, TuningJob tuningJob) {
        if (!job.wasEarlyStopped()) {
            return Optional.empty();
        }
        JsonNode config = tuningJob.request() == null ? null : tuningJob.request().path("HyperParameterTuningJobConfig");
        String metric = config == null ? "" : config.path("HyperParameterTuningJobObjective").path("MetricName").asText("");
        List<Double> series = job.series() == null ? null : job.series().get(metric);
        int step = series == null ? 0 : series.size();
        String by = config != null && "Hyperband".equals(config.path("Strategy").asText())
                ? "by Hyperband (" + hyperbandCause(config, step) + ")"
                : "by the median stopping rule (TrainingJobEarlyStoppingType Auto)";
        return Optional.of("stopped early at step " + step + " " + by);
    }

    /**
     * Rungs sit at MinResource times powers of 3 (Rungs' reduction factor). A stop elsewhere is in a record
     * written before a job at MaxResource was recorded as Completed ({@link MaxResourceEnd}).
     */
    private static String hyperbandCause(JsonNode config, int step) {
        long resource = Math.max(1, config.path("StrategyConfig").path("HyperbandStrategyConfig").path("MinResource").asLong(1));
        for (int rung = 1; resource <= step; rung++, resource *= 3) {
            if (resource == step) {
                return "rung " + rung + ": not in the top third of the jobs that reached it";
            }
        }
        return "MaxResource reached";
    }
}
