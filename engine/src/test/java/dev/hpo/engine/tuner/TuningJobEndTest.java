package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.CompletionDetails;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tuning job's last record, from how its loop ended and what its training jobs did. */
class TuningJobEndTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Completion TARGET = new Completion("target reached",
            new CompletionDetails("TuningJobCompletionCriteria.TargetObjectiveMetricValue", null, null));

    private final TrainingJobBook jobs = new TrainingJobBook(ObjectiveType.Minimize);

    private static TuningJob running() {
        return new TuningJob("sim", TuningJobStatus.InProgress, T, null, T, null, null, 1L, Counters.NONE, null, null);
    }

    private TuningJob withJobs(TrainingJob... recorded) {
        for (TrainingJob job : recorded) {
            jobs.put(job.name(), job);
        }
        return running().with(TuningJobStatus.InProgress, jobs.counters(), jobs.best(), T);
    }

    private static TrainingJob job(int index, Double objective, String failure) {
        TrainingJob started = TrainingJob.started("sim-00" + index, index, Map.of(), T);
        return objective != null
                ? started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, objective, null, Map.of(), Map.of(), T, 0)
                : started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, failure, Map.of(), Map.of(), T, 1);
    }

    @Test
    void aBestJobCompletesTheTuningJobWithTheCriterionsDetails() {
        TuningJob ended = TuningJobEnd.of(withJobs(job(0, 0.5, null)), false, "target reached", TARGET, jobs, "loss", T.plusSeconds(5));
        assertEquals(TuningJobStatus.Completed, ended.status());
        assertEquals("target reached", ended.completionReason());
        assertEquals(TARGET.details(), ended.completionDetails());
        assertEquals(T.plusSeconds(5), ended.endTime());
    }

    @Test
    void withoutAnyObjectiveTheTuningJobFailsQuotingTheFirstFailure() {
        TuningJob ended = TuningJobEnd.of(withJobs(job(0, null, "exit 1: out of memory"), job(1, null, "exit 2")), false,
                "MaxNumberOfTrainingJobs (2) reached", null, jobs, "loss", T);
        assertEquals(TuningJobStatus.Failed, ended.status());
        assertEquals("no training job produced the objective metric loss (2 tried); the first failure: sim-000: exit 1: out of memory",
                ended.failureReason());
        assertEquals("no training job was started",
                TuningJobEnd.of(running(), false, "r", null, new TrainingJobBook(ObjectiveType.Minimize), "loss", T).failureReason());
    }

    @Test
    void aStopRequestWinsOverEverythingElse() {
        TuningJob ended = TuningJobEnd.of(withJobs(job(0, 0.5, null)), true, "target reached", TARGET, jobs, "loss", T);
        assertEquals(TuningJobStatus.Stopped, ended.status());
        assertEquals("stopped on request", ended.completionReason());
        assertNull(ended.completionDetails());
        assertNull(ended.failureReason());
    }
}
