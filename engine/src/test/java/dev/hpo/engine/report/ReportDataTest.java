package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportDataTest {
    @TempDir
    Path directory;

    @Test
    void aRunningJobRefreshesAndCountsWhatIsLeft() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 30, TuningJobStatus.InProgress);
        ObjectNode data = ReportData.of(JobSnapshot.readByTuner(job, Instant.parse("2026-01-01T00:02:00Z")), job);
        assertEquals(ReportData.REFRESH_SECONDS, data.path("refreshSeconds").asInt());
        assertFalse(data.path("job").has("interrupted"));
        assertEquals(30, data.path("jobs").size());
        assertEquals(0, data.path("job").path("remainingTrainingJobs").asInt());
        assertEquals(36000 - 120, data.path("job").path("remainingSeconds").asLong());
        assertEquals(List.of("eta", SyntheticStore.HOSTILE, "max_depth", "booster"),
                names(data.path("ranges")));
        assertTrue(data.path("ranges").get(0).path("log").asBoolean(), "eta is searched on a log axis");
    }

    @Test
    void aTrainingJobRecordWithoutItsHyperparametersIsNamedAsDamaged() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 3, TuningJobStatus.Completed);
        DirectoryStore store = new DirectoryStore(job);
        Path record = store.trainingJobDirectory(store.trainingJobs().get(1).name()).resolve(DirectoryStore.TRAINING_JOB_FILE);
        ObjectNode damaged = (ObjectNode) Json.mapper().readTree(record.toFile());
        Files.writeString(record, damaged.putNull("tunedHyperParameters").toString());
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> JobSnapshot.read(job, Instant.now()));
        assertEquals(record + " is damaged: it lacks the tuned hyperparameters", e.getMessage());
    }

    @Test
    void aRunningJobWhoseTunerDiedIsMarkedInterruptedAndDoesNotRefresh() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 10, TuningJobStatus.InProgress);
        ObjectNode data = ReportData.of(JobSnapshot.read(job, Instant.now()), job);
        assertEquals(0, data.path("refreshSeconds").asInt());
        assertTrue(data.path("job").path("interrupted").asBoolean());
        // SyntheticStore's last change is 10 * 3 + 10 s after creation; the clock read years later must not count
        assertEquals(40, data.path("job").path("elapsedSeconds").asLong());
        assertEquals(36000 - 40, data.path("job").path("remainingSeconds").asLong());
    }

    @Test
    void anInterruptedJobsResultFileAndDescriptionSayItAndStopTheClockAtItsLastChange() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 10, TuningJobStatus.InProgress);
        Reports.write(job, job.resolve("report.html"), Instant.parse("2030-01-01T00:00:00Z"));
        JsonNode result = Json.mapper().readTree(job.resolve(ResultFile.FILE_NAME).toFile());
        assertTrue(result.path("Interrupted").asBoolean(), result.toString());
        TuningJob tuningJob = JobSnapshot.read(job, Instant.now()).tuningJob();
        JsonNode description = TuningJobDescription.of(tuningJob, Instant.parse("2030-01-01T00:00:00Z"), List.of(), true);
        assertTrue(description.path("Interrupted").asBoolean());
        assertEquals(40, description.path("ConsumedResources").path("RuntimeInSeconds").asLong());
        JsonNode running = TuningJobDescription.of(tuningJob, tuningJob.creationTime().plusSeconds(100), List.of(), false);
        assertFalse(running.has("Interrupted"));
        assertEquals(100, running.path("ConsumedResources").path("RuntimeInSeconds").asLong());
    }

    @Test
    void aRunningJobsIntermediateValuesAreItsCurve() throws Exception {
        Path job = directory.resolve("job");
        DirectoryStore store = SyntheticStore.write(job, 10, TuningJobStatus.InProgress);
        TrainingJob last = store.trainingJobs().get(9);
        assertEquals(TrainingJobStatus.InProgress, last.status());
        store.save(last.withSeriesSoFar(Map.of("validation:auc", List.of(0.5, 0.625))));
        ObjectNode data = ReportData.of(JobSnapshot.readByTuner(job, Instant.now()), job);
        JsonNode curve = data.path("jobs").get(9).path("curve");
        assertEquals("[[1,0.5],[2,0.625]]", curve.toString());
        assertFalse(data.path("jobs").get(9).has("objective"), "a running job has no final objective yet");
    }

    @Test
    void aFinishedJobDoesNotRefreshAndMarksEarlyStoppedJobs() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 30, TuningJobStatus.Completed);
        ObjectNode data = ReportData.of(JobSnapshot.read(job, Instant.now()), job);
        assertEquals(0, data.path("refreshSeconds").asInt());
        JsonNode third = data.path("jobs").get(3);
        assertTrue(third.path("earlyStopped").asBoolean(), "job 3 was stopped early: " + third);
        assertFalse(data.path("jobs").get(4).has("earlyStopped"));
        assertEquals(20, third.path("curve").size());
    }

    @Test
    void theEarlyStoppedFlagMarksAJobAndFieldsFromANewerTunerAreIgnored() throws Exception {
        Path job = directory.resolve("job");
        var store = SyntheticStore.write(job, 10, TuningJobStatus.Completed);
        var first = store.trainingJobs().get(0);
        Path file = store.trainingJobDirectory(first.name()).resolve("training-job.json");
        ObjectNode node = (ObjectNode) Json.mapper().readTree(Files.readString(file));
        node.put("earlyStopped", true).put("someFutureField", "x");
        Files.writeString(file, node.toString());
        assertTrue(JobSnapshot.read(job, Instant.now()).earlyStopped().contains(first.name()));
    }

    @Test
    void logLinksAreRelativeEncodedAndCannotReadAsAScheme() {
        Path job = Path.of("/runs/job");
        assertEquals("./training-jobs/a%20b%3Cc%3E/output.log", ReportData.logLink(job, "a b<c>", job));
        assertEquals("./job/training-jobs/j/output.log", ReportData.logLink(job, "j", Path.of("/runs")));
        assertEquals("./../runs/job/training-jobs/j/output.log", ReportData.logLink(job, "j", Path.of("/pages")));
    }

    @Test
    void longCurvesAreThinnedButKeepTheirFinalValue() {
        List<Double> series = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            series.add((double) i);
        }
        JsonNode curve = ReportData.thinned(series);
        assertEquals(ReportData.MAX_CURVE_POINTS, curve.size());
        assertEquals(1000, curve.get(curve.size() - 1).get(0).asInt());
        assertEquals(999.0, curve.get(curve.size() - 1).get(1).asDouble());
    }

    @Test
    void thePageHoldsTheDataOnlyEscapedAndTheResultFileIsWritten() throws Exception {
        Path job = directory.resolve("job");
        SyntheticStore.write(job, 12, TuningJobStatus.Completed);
        Path page = job.resolve("report.html");
        Reports.write(job, page, Instant.now());
        String html = Files.readString(page);
        assertFalse(html.contains(SyntheticStore.HOSTILE), "the raw hostile name is in the page");
        assertFalse(html.contains("<script>alert"), "a raw failure reason is in the page");
        assertFalse(html.contains("http-equiv=\"refresh\""), "a finished job's page does not reload");
        JsonNode result = Json.mapper().readTree(job.resolve(ResultFile.FILE_NAME).toFile());
        assertEquals("Completed", result.path("HyperParameterTuningJobStatus").asText());
        assertTrue(result.path("BestTrainingJob").path("Value").isNumber());
        assertEquals("training-jobs/" + result.path("BestTrainingJob").path("TrainingJobName").asText() + "/model",
                result.path("BestTrainingJob").path("ModelDirectory").asText());
    }

    private static List<String> names(JsonNode ranges) {
        List<String> names = new ArrayList<>();
        ranges.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
