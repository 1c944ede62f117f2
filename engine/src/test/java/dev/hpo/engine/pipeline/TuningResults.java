package dev.hpo.engine.pipeline;

import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A finished one-training-job tuning job, for the pipeline package's result and page tests. */
final class TuningResults {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private TuningResults() {
    }

    /** Completed with a best of {@code bestObjective}, or Failed without one when it is null. */
    static TuningJob finished(Double bestObjective) {
        TrainingJob best = bestObjective == null ? null : TrainingJob.started("t-001-abc", 0, Map.of("eta", "0.3"), T)
                .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, bestObjective, null, Map.of(), Map.of(), T.plusSeconds(5), 0);
        TuningJobStatus status = best == null ? TuningJobStatus.Failed : TuningJobStatus.Completed;
        return new TuningJob("t", status, T, T.plusSeconds(9), T.plusSeconds(9), best == null ? "no training job produced the objective" : null,
                "MaxNumberOfTrainingJobs (1) reached", 42, Counters.of(best == null ? List.of() : List.of(best)), best, null);
    }
}
