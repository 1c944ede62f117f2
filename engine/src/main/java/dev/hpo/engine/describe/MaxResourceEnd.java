package dev.hpo.engine.describe;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;

import java.util.List;
import java.util.Optional;

/**
 * Why a Completed training job ended before its process did: Hyperband ended it when its objective
 * series reached MaxResource (it used its whole budget, so it is done, not early-stopped). SageMaker's
 * summary of a Completed job has no reason field, so listings carry it in an extra one, {@link #FIELD}.
 */
public final class MaxResourceEnd {
    public static final String FIELD = "CompletionReason";

    private MaxResourceEnd() {
    }

    public static Optional<String> of(TrainingJob job, TuningJob tuningJob) {
        // a job ended there whose value was not a number failed: its FailureReason already says why
        if (!job.wasEndedAtMaxResource() || job.status() != TrainingJobStatus.Completed) {
            return Optional.empty();
        }
        String metric = tuningJob.request() == null ? "" : tuningJob.request().path("HyperParameterTuningJobConfig")
                .path("HyperParameterTuningJobObjective").path("MetricName").asText("");
        List<Double> series = job.series() == null ? null : job.series().get(metric);
        int step = series == null ? 0 : series.size();
        return Optional.of("ended by Hyperband at step " + step + ": MaxResource reached, the job's whole budget");
    }
}
