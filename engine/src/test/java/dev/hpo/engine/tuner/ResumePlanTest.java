package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which records a resume keeps and which it runs again, from the records alone. */
class ResumePlanTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static TrainingJob job(int index) {
        return TrainingJob.started("job-" + index, index, Map.of("x", Integer.toString(index)), T);
    }

    private static TrainingJob completed(int index, double objective, int endSecond) {
        return job(index).finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, objective, null, Map.of(), Map.of(),
                T.plusSeconds(endSecond), 0);
    }

    private static TrainingJob ended(int index, TrainingJobStatus status, String reason) {
        return job(index).finished(status, ObjectiveStatus.Failed, null, reason, Map.of(), Map.of(), T.plusSeconds(1), 1);
    }

    @Test
    void jobsThatEndedOnTheirOwnAreKeptAndInterruptedOnesRunAgain() {
        TrainingJob completed = completed(0, 0.5, 9);
        TrainingJob failedForGood = ended(1, TrainingJobStatus.Failed, "exit 1");
        TrainingJob running = job(2);
        TrainingJob stoppedByTheUser = ended(3, TrainingJobStatus.Stopped, TrainingJobOutcome.STOPPED_BY_REQUEST);
        TrainingJob pastItsRuntime = ended(4, TrainingJobStatus.Stopped, "ran past MaxRuntimeInSeconds");
        TrainingJob awaitingItsRetry = ended(6, TrainingJobStatus.Failed, "exit 1").awaitingItsRetry();
        TrainingJob earlyStopped = job(5).finished(TrainingJobStatus.Stopped, ObjectiveStatus.Succeeded, 0.7, null, Map.of(), Map.of(),
                T.plusSeconds(3), 143).markedEarlyStopped();

        ResumePlan plan = ResumePlan.of(List.of(completed, failedForGood, running, stoppedByTheUser, pastItsRuntime, earlyStopped,
                awaitingItsRetry));

        assertEquals(List.of(completed, failedForGood, pastItsRuntime, earlyStopped), plan.kept());
        assertEquals(List.of(running, stoppedByTheUser, awaitingItsRetry), plan.rerun());
        assertEquals(7, plan.nextIndex(), "new jobs are numbered after the highest recorded index");
    }

    @Test
    void objectivesComeInTheOrderTheJobsEnded() {
        ResumePlan plan = ResumePlan.of(List.of(completed(0, 0.1, 30), completed(1, 0.2, 10), completed(2, 0.3, 10), job(3)));
        assertEquals(List.of(0.2, 0.3, 0.1), plan.objectivesInEndOrder(), "by end time, then by index");
    }

    @Test
    void anEmptyStoreResumesFromTheStart() {
        ResumePlan plan = ResumePlan.of(List.of());
        assertEquals(0, plan.nextIndex());
        assertEquals(List.of(), plan.rerun());
    }
}
