package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.engine.completion.BestObjectiveNotImproving;
import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.completion.TargetObjectiveMetricValue;
import dev.hpo.engine.config.ObjectiveType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a tuning job ends before its budget: its runtime limit, or a completion criterion on the objectives so far. */
class CompletionWatchTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theRuntimeLimitCountsWholeSecondsFromTheTuningJobsStart() {
        CompletionWatch watch = new CompletionWatch(List.of(), ObjectiveType.Minimize, 60);
        assertEquals(Optional.empty(), watch.runtimeLimitReached(T, T.plusMillis(59_999)));
        assertEquals(Optional.of("ResourceLimits.MaxRuntimeInSeconds (60 s) reached"), watch.runtimeLimitReached(T, T.plusSeconds(60)));
        assertEquals(Optional.empty(), new CompletionWatch(List.of(), ObjectiveType.Minimize, 0).runtimeLimitReached(T, T.plusSeconds(1_000_000)));
    }

    @Test
    void aCriterionIsMetByTheObjectivesRecordedSoFar() {
        CompletionWatch watch = new CompletionWatch(List.of(new TargetObjectiveMetricValue(0.3)), ObjectiveType.Minimize, 0);
        watch.objectiveRecorded(0.9);
        assertEquals(Optional.empty(), watch.criterionMet(T));
        watch.objectiveRecorded(0.2);
        Completion done = watch.criterionMet(T).orElseThrow();
        assertEquals("TuningJobCompletionCriteria.TargetObjectiveMetricValue", done.details().criterion());
    }

    @Test
    void aResumeCarriesTheEarlierObjectivesInTheirEndOrder() {
        CompletionWatch watch = new CompletionWatch(List.of(new BestObjectiveNotImproving(2)), ObjectiveType.Minimize, 0);
        watch.resumeWith(List.of(0.1, 0.5));
        assertEquals(Optional.empty(), watch.criterionMet(T));
        watch.objectiveRecorded(0.6);
        assertEquals(2, watch.criterionMet(T).orElseThrow().details().numberOfTrainingJobsObjectiveNotImproving());
    }
}
