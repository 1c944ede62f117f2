package dev.hpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report, gate and promote as a CI script calls them: exit codes, messages, files. */
class DashboardCommandsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int hpo(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private Path tuningJob(String name, double best) throws Exception {
        Path job = dir.resolve(name);
        DirectoryStore store = new DirectoryStore(job);
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        TrainingJob winner = TrainingJob.started(name + "-000-0001", 0, Map.of("eta", "0.3"), t)
                .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, best, null, Map.of("validation:auc", best),
                        Map.of("validation:auc", List.of(0.5, best)), t.plusSeconds(5), 0);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ObjectNode config = request.putObject("HyperParameterTuningJobConfig");
        config.putObject("HyperParameterTuningJobObjective").put("Type", "Maximize").put("MetricName", "validation:auc");
        config.putObject("ParameterRanges").putArray("ContinuousParameterRanges").addObject()
                .put("Name", "eta").put("MinValue", "0").put("MaxValue", "1");
        store.save(winner);
        store.save(new TuningJob(name, TuningJobStatus.Completed, t, t.plusSeconds(9), t.plusSeconds(9), null,
                "MaxNumberOfTrainingJobs (1) reached", 1, Counters.of(List.of(winner)), winner, request));
        Path model = Files.createDirectories(store.trainingJobDirectory(winner.name()).resolve("model"));
        Files.writeString(model.resolve("xgboost-model"), "not really a model");
        return job;
    }

    @Test
    void reportWritesThePageAndResultJson() throws Exception {
        Path job = tuningJob("a", 0.8);
        assertEquals(0, hpo("report", job.toString()));
        assertTrue(Files.readString(job.resolve("report.html")).contains("id=\"report-data\""));
        JsonNode result = Json.mapper().readTree(job.resolve("result.json").toFile());
        assertEquals(0.8, result.path("BestTrainingJob").path("Value").asDouble());
        Path elsewhere = dir.resolve("pages/a.html");
        assertEquals(0, hpo("report", job.toString(), "--output", elsewhere.toString()));
        assertTrue(Files.readString(elsewhere).contains("./../a/training-jobs/a-000-0001/output.log"),
                "log links point back into the job directory");
        assertEquals(2, hpo("report", dir.resolve("missing").toString()));
    }

    @Test
    void reportNeverOverwritesTheJobsRecordsOrAnythingButAFile() throws Exception {
        Path job = tuningJob("guarded", 0.8);
        byte[] record = Files.readAllBytes(job.resolve(DirectoryStore.TUNING_JOB_FILE));
        assertEquals(2, hpo("report", job.toString(), "--output", job.resolve(DirectoryStore.TUNING_JOB_FILE).toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("would overwrite the tuning job's own files"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, hpo("report", job.toString(), "--output", job.resolve("result.json").toString()));
        assertEquals(2, hpo("report", job.toString(), "--output", dir.toString()));
        assertEquals(2, hpo("report", job.toString(), "--output", "/dev/null"));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "the device is still a device");
        org.junit.jupiter.api.Assertions.assertArrayEquals(record, Files.readAllBytes(job.resolve(DirectoryStore.TUNING_JOB_FILE)));
        // a link is followed: the file it names is updated
        Path target = Files.writeString(dir.resolve("target.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), target);
        assertEquals(0, hpo("report", job.toString(), "--output", link.toString()));
        assertTrue(Files.isSymbolicLink(link) && Files.readString(target).contains("id=\"report-data\""));
    }

    @Test
    void theFirstGateBeforeAnythingIsPromotedPasses() throws Exception {
        Path job = tuningJob("first-ever", 0.8);
        assertEquals(0, hpo("gate", job.toString(), "--better-than", dir.resolve("models/current").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("first promotion"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, hpo("gate", job.toString(), "--objective-at-least", "0.5", "--objective-at-least", "0.9"));
        assertEquals(2, hpo("gate", job.toString(), "--objective-at-least", "0.5f"));
    }

    @Test
    void gateExitCodesAreTheDecisionAndPromoteFeedsBetterThan() throws Exception {
        Path first = tuningJob("first", 0.8);
        Path second = tuningJob("second", 0.85);
        assertEquals(0, hpo("gate", first.toString(), "--objective-at-least", "0.8"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("promote: "));
        assertEquals(GateCommand.DO_NOT_PROMOTE, hpo("gate", first.toString(), "--objective-at-least", "0.9"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("below the required 0.9"));
        assertEquals(2, hpo("gate", first.toString()));
        assertEquals(2, hpo("gate", first.toString(), "--objective-at-least", "high"));

        Path current = dir.resolve("models/current");
        assertEquals(0, hpo("promote", first.toString(), current.toString()));
        assertEquals("not really a model", Files.readString(current.resolve("model/xgboost-model")));
        assertEquals(0, hpo("gate", second.toString(), "--better-than", current.toString()));
        assertEquals(GateCommand.DO_NOT_PROMOTE, hpo("gate", first.toString(), "--better-than", current.toString()));
        assertEquals(0, hpo("promote", second.toString(), current.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Replaced the promotion in "));
        assertEquals(current.resolve("model"), ModelLocations.resolve(current.toString()), "serve and predict take a promoted directory");
    }
}
