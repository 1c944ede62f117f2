package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.StrategyName;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.strategy.Strategy;
import dev.hpo.engine.strategy.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which job starts next, and why the schedule ends, with a strategy that proposes a fixed list. */
class JobScheduleTest {
    private final List<Integer> suggestedAt = new ArrayList<>();
    private int historyAsked;

    /** Proposes x=0, x=1, ... up to {@code size} values, then nothing. */
    private Strategy listOf(int size) {
        return (index, history) -> {
            suggestedAt.add(index);
            return suggestedAt.size() <= size ? Optional.of(Map.of("x", Integer.toString(suggestedAt.size() - 1))) : Optional.empty();
        };
    }

    private JobSchedule schedule(Strategy strategy, StrategyName name, int maxJobs) {
        return new JobSchedule(strategy, name, maxJobs, () -> {
            historyAsked++;
            return List.<Trial>of();
        });
    }

    private static List<Integer> drain(JobSchedule schedule) {
        List<Integer> indices = new ArrayList<>();
        for (Optional<JobSchedule.Next> next = schedule.next(); next.isPresent(); next = schedule.next()) {
            indices.add(next.get().index());
        }
        return indices;
    }

    @Test
    void startsUpToMaxNumberOfTrainingJobs() {
        JobSchedule schedule = schedule(listOf(100), StrategyName.Random, 3);
        assertEquals(List.of(0, 1, 2), drain(schedule));
        assertEquals(List.of(0, 1, 2), suggestedAt, "the strategy is asked with the index the job gets, and not once more");
        assertEquals("MaxNumberOfTrainingJobs (3) reached", schedule.endReason());
    }

    @Test
    void aResumeRunsItsJobsAgainFirstThenNumbersNewOnesAfterTheRecordedOnes() {
        JobSchedule schedule = schedule(listOf(100), StrategyName.Random, 6);
        TrainingJob interrupted = TrainingJob.started("job-002", 1, Map.of("x", "again"), Instant.EPOCH);
        schedule.resumeWith(List.of(interrupted), 4);
        assertTrue(schedule.rerunsWaiting());
        JobSchedule.Next first = schedule.next().orElseThrow();
        assertEquals(new JobSchedule.Next(1, Map.of("x", "again")), first, "under its own index and hyperparameters");
        assertEquals(0, historyAsked, "a rerun needs no suggestion");
        assertFalse(schedule.rerunsWaiting());
        assertEquals(List.of(4, 5), drain(schedule));
    }

    @Test
    void aStrategyWithNothingLeftEndsTheScheduleEarly() {
        JobSchedule schedule = schedule(listOf(2), StrategyName.Random, 10);
        assertEquals(List.of(0, 1), drain(schedule));
        assertEquals(Optional.empty(), schedule.next());
        assertEquals(3, suggestedAt.size(), "once it said it is done, it is not asked again");
        assertEquals("the Random strategy tried every combination (2 training jobs)", schedule.endReason());
    }

    @Test
    void aGridEndsWhenEveryCombinationWasTried() {
        JobSchedule schedule = schedule(listOf(4), StrategyName.Grid, 4);
        drain(schedule);
        assertEquals("the grid's 4 combinations were all tried", schedule.endReason());
    }

    @Test
    void rerunsThatNeverStartedLeaveTheSchedule() {
        JobSchedule schedule = schedule(listOf(1), StrategyName.Random, 3);
        TrainingJob a = TrainingJob.started("a", 0, Map.of(), Instant.EPOCH);
        TrainingJob b = TrainingJob.started("b", 1, Map.of(), Instant.EPOCH);
        schedule.resumeWith(List.of(a, b), 2);
        assertEquals(List.of(a, b), schedule.drainReruns());
        assertFalse(schedule.rerunsWaiting());
        assertEquals(List.of(2), drain(schedule));
    }
}
