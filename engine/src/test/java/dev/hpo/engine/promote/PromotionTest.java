package dev.hpo.engine.promote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.gate.Baseline;
import dev.hpo.engine.gate.TuningJobs;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromotionTest {
    @TempDir
    Path directory;

    private Path tuningJob(TuningJobStatus status, double best) throws IOException {
        Path job = directory.resolve("job-" + best);
        DirectoryStore store = new DirectoryStore(job);
        TuningJob record = TuningJobs.finished("auc-job", status, "Maximize", "validation:auc", best);
        store.save(record);
        store.save(record.bestTrainingJob());
        Path model = store.trainingJobDirectory(record.bestTrainingJob().name()).resolve("model");
        Files.createDirectories(model);
        Files.writeString(model.resolve("xgboost-model"), "model bytes " + best);
        return job;
    }

    @Test
    void copiesTheBestModelWithACardThatGateCanCompareWith() throws IOException {
        Path destination = directory.resolve("models/current");
        Promotion.Promoted promoted = Promotion.promote(tuningJob(TuningJobStatus.Completed, 0.8), destination,
                Instant.parse("2026-02-02T00:00:00Z"));
        assertFalse(promoted.replaced());
        assertEquals("model bytes 0.8", Files.readString(destination.resolve("model/xgboost-model")));
        JsonNode card = Json.mapper().readTree(destination.resolve(ModelCard.FILE_NAME).toFile());
        assertEquals("auc-job-007-abcd", card.path("trainingJob").path("name").asText());
        assertEquals("0.2", card.path("tunedHyperParameters").path("eta").asText());
        assertEquals("100", card.path("staticHyperParameters").path("num_round").asText());
        assertEquals(0.99, card.path("metrics").path("train:auc").asDouble());
        assertEquals("data/train.csv", card.path("data").get(0).path("uri").asText());
        assertEquals("2026-02-02T00:00:00Z", card.path("promotedAt").asText());
        assertTrue(Files.readString(destination.resolve(ModelCard.MARKDOWN_FILE_NAME)).contains("| eta | 0.2 |"));
        assertEquals(0.8, Baseline.read(destination).value());
    }

    @Test
    void anEarlierPromotionIsReplacedWhole() throws IOException {
        Path destination = directory.resolve("current");
        Promotion.promote(tuningJob(TuningJobStatus.Completed, 0.8), destination, Instant.now());
        Files.writeString(destination.resolve("model/leftover"), "from the old model");
        Promotion.Promoted second = Promotion.promote(tuningJob(TuningJobStatus.Completed, 0.9), destination, Instant.now());
        assertTrue(second.replaced());
        assertEquals("model bytes 0.9", Files.readString(destination.resolve("model/xgboost-model")));
        assertFalse(Files.exists(destination.resolve("model/leftover")));
        try (var siblings = Files.list(directory)) {
            assertEquals(0, siblings.filter(p -> p.getFileName().toString().startsWith(".current")).count(), "no staging left behind");
        }
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotAPromotionOrARunningJob() throws IOException {
        Path other = Files.createDirectories(directory.resolve("precious"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> Promotion.promote(tuningJob(TuningJobStatus.Completed, 0.8), other, Instant.now()));
        assertTrue(e.getMessage().contains("is not an earlier promotion"), e.getMessage());
        assertEquals("mine", Files.readString(other.resolve("notes.txt")));
        IOException running = assertThrows(IOException.class,
                () -> Promotion.promote(tuningJob(TuningJobStatus.InProgress, 0.7), directory.resolve("x"), Instant.now()));
        assertTrue(running.getMessage().contains("still InProgress"), running.getMessage());
    }
}
