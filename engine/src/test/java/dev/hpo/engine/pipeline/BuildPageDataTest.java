package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildPageDataTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void thePageDataIsTheDescribeShapePlusRowsAndTheGateWithUserTextKeptAsData() {
        TuningJob job = TuningResults.finished(0.9);
        List<TrainingJob> jobs = new ArrayList<>();
        for (int i = 0; i < BuildPageData.MAX_TRAINING_JOBS + 5; i++) {
            jobs.add(TrainingJob.started("t-" + i, i, Map.of("<img src=x onerror=alert(1)>", "\"quoted\""), T)
                    .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, 0.5, null, Map.of(), Map.of(), T.plusSeconds(2), 0));
        }
        ObjectNode page = BuildPageData.of(job, jobs, new GateDecision(GateDecision.Outcome.PASSED, List.of("passed: fine")), T, false);

        assertEquals("Completed", page.at("/tuningJob/HyperParameterTuningJobStatus").asText());
        assertEquals("t-001-abc", page.at("/tuningJob/BestTrainingJob/TrainingJobName").asText());
        assertEquals(BuildPageData.MAX_TRAINING_JOBS, page.get("trainingJobs").size());
        assertEquals(5, page.get("trainingJobsLeftOut").asInt());
        assertEquals("\"quoted\"", page.at("/trainingJobs/0/TunedHyperParameters").get("<img src=x onerror=alert(1)>").asText());
        assertEquals(2.0, page.at("/trainingJobs/3/DurationSeconds").asDouble());
        assertEquals("PASSED", page.at("/gate/result").asText());
    }

    @Test
    void aTuningJobWhoseStepEndedWithoutRecordingItsEndStopsAgeingAtItsLastChangeAndSaysSo() {
        // the step failed or was aborted past its grace period: the record still says InProgress, with no end
        TuningJob left = new TuningJob("t", TuningJobStatus.InProgress, T, null, T.plusSeconds(30), null, null, 42,
                Counters.of(List.of()), null, null);
        ObjectNode page = BuildPageData.of(left, List.of(), null, T.plusSeconds(3600), false);

        assertEquals(30, page.at("/tuningJob/ConsumedResources/RuntimeInSeconds").asLong());
        assertTrue(page.at("/tuningJob/Interrupted").asBoolean());
    }

    @Test
    void aStoppedTuningJobCountsUpToItsEndAndOneStillRunningUpToNow() {
        TuningJob running = new TuningJob("t", TuningJobStatus.InProgress, T, null, T.plusSeconds(30), null, null, 42,
                Counters.of(List.of()), null, null);
        TuningJob stopped = running.ended(TuningJobStatus.Stopped, "stopped on request", null, T.plusSeconds(40));

        ObjectNode runningPage = BuildPageData.of(running, List.of(), null, T.plusSeconds(50), true);
        assertEquals(50, runningPage.at("/tuningJob/ConsumedResources/RuntimeInSeconds").asLong());
        assertTrue(runningPage.at("/tuningJob/Interrupted").isMissingNode());
        for (boolean tunerRunning : new boolean[] {true, false}) {
            ObjectNode page = BuildPageData.of(stopped, List.of(), null, T.plusSeconds(3600), tunerRunning);
            assertEquals(40, page.at("/tuningJob/ConsumedResources/RuntimeInSeconds").asLong());
            assertTrue(page.at("/tuningJob/Interrupted").isMissingNode());
        }
    }

    @Test
    void theTrendShowsTheMostRecentBuildsOldestFirst() {
        List<TrendPoint> points = new ArrayList<>();
        for (int build = 1; build <= 60; build++) {
            points.add(new TrendPoint(build, "#" + build, build == 7 ? null : 0.5 + build / 1000.0, "PASSED"));
        }
        ObjectNode chart = TrendPoint.chart(points, "validation:auc", 50);
        assertEquals(50, chart.get("builds").size());
        assertEquals(11, chart.at("/builds/0/number").asInt());
        assertEquals(60, chart.at("/builds/49/number").asInt());
        assertTrue(TrendPoint.chart(points, "m", 60).at("/builds/6/bestObjective").isNull());
    }
}
