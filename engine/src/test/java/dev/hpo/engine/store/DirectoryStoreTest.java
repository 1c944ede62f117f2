package dev.hpo.engine.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryStoreTest {
    @TempDir
    Path directory;

    private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

    @Test
    void trainingJobsRoundTripInStartOrder() throws Exception {
        DirectoryStore store = new DirectoryStore(directory.resolve("job"));
        // names sort differently from indexes on purpose: order comes from the index
        TrainingJob second = TrainingJob.started("job-b", 1, Map.of("eta", "0.5"), T0);
        TrainingJob first = TrainingJob.started("job-z", 0, Map.of("eta", "0.1"), T0)
                .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, 0.75, null,
                        Map.of("validation:auc", 0.75), Map.of("validation:auc", List.of(0.7, 0.75)), T0.plusSeconds(2), 0);
        store.save(second);
        store.save(first);
        assertEquals(List.of(first, second), store.trainingJobs());
        assertEquals(2.0, store.trainingJobs().get(0).durationSeconds(T0));
    }

    @Test
    void aLaterSaveReplacesTheWholeStateAndLeavesNoTemporaryFiles() throws Exception {
        Path job = directory.resolve("job");
        DirectoryStore store = new DirectoryStore(job);
        assertFalse(DirectoryStore.holdsTuningJob(job));
        TuningJob running = new TuningJob("job", TuningJobStatus.InProgress, T0, null, T0, null, null, 42, Counters.NONE, null, null);
        store.save(running);
        TuningJob done = running.ended(TuningJobStatus.Completed, "MaxNumberOfTrainingJobs (1) reached", null, T0.plusSeconds(9));
        store.save(done);
        assertTrue(DirectoryStore.holdsTuningJob(job));
        assertEquals(done, store.tuningJob().orElseThrow());
        try (Stream<Path> files = Files.list(job)) {
            assertEquals(List.of(DirectoryStore.TUNING_JOB_FILE), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anEmptyDirectoryHoldsNoTrainingJobs() throws Exception {
        DirectoryStore store = new DirectoryStore(directory);
        assertEquals(List.of(), store.trainingJobs());
        assertTrue(store.tuningJob().isEmpty());
    }

    @Test
    void aDamagedRecordIsNamedNotGuessed() throws Exception {
        DirectoryStore store = new DirectoryStore(directory);
        for (String damage : List.of("{bad", "[]", "{}", "null")) {
            Files.writeString(directory.resolve(DirectoryStore.TUNING_JOB_FILE), damage);
            IOException e = assertThrows(IOException.class, store::tuningJob, damage);
            assertTrue(e.getMessage().startsWith(directory.resolve(DirectoryStore.TUNING_JOB_FILE) + " is damaged"), e.getMessage());
        }
        store.save(TrainingJob.started("job-a", 0, Map.of(), T0));
        Path record = store.trainingJobDirectory("job-a").resolve(DirectoryStore.TRAINING_JOB_FILE);
        Files.writeString(record, "xx");
        IOException e = assertThrows(IOException.class, store::trainingJobs);
        assertTrue(e.getMessage().contains(record.toString()), e.getMessage());
    }

    @Test
    void aTrainingJobRecordWithoutItsHyperparametersIsDamaged() throws Exception {
        DirectoryStore store = new DirectoryStore(directory);
        store.save(TrainingJob.started("job-a", 0, Map.of("eta", "0.1"), T0));
        Path record = store.trainingJobDirectory("job-a").resolve(DirectoryStore.TRAINING_JOB_FILE);
        ObjectNode written = (ObjectNode) new ObjectMapper().readTree(record.toFile());
        ObjectNode nulled = written.deepCopy().putNull("tunedHyperParameters");
        ObjectNode missing = written.deepCopy();
        missing.remove("tunedHyperParameters");
        for (String damaged : List.of(nulled.toString(), missing.toString())) {
            assertFalse(damaged.contains("eta"), damaged);
            Files.writeString(record, damaged);
            IOException e = assertThrows(IOException.class, store::trainingJobs, damaged);
            assertEquals(record + " is damaged: it lacks the tuned hyperparameters", e.getMessage());
        }
    }

    @Test
    void warmStartParentsFollowAFolderThatHoldsBothAndSkipWhatIsNoPath() throws Exception {
        Path before = directory.resolve("before");
        Files.createDirectories(before.resolve("parent"));
        new DirectoryStore(before.resolve("child")).saveWarmStartParents(List.of(before.resolve("parent")));
        Path after = directory.resolve("after");
        Files.move(before, after);
        assertEquals(List.of(after.resolve("parent").toAbsolutePath().normalize()), new DirectoryStore(after.resolve("child")).warmStartParents());

        Files.writeString(after.resolve("child").resolve(DirectoryStore.WARM_START_PARENTS_FILE), "[\"\", 1, \".\", \"../parent\"]");
        assertEquals(List.of(after.resolve("parent").toAbsolutePath().normalize()), new DirectoryStore(after.resolve("child")).warmStartParents(),
                "blank, non-text and the job itself are not parents");
    }
}
