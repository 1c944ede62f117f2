package dev.hpo.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fails part-way through a write (full, yanked) must leave the previous state readable. */
class DirectoryStoreFailureTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path work;

    /** Writes half of the bytes, then fails as a full disk does. */
    private static final AtomicFile.ContentWriter FULL_DISK = (temp, content) -> {
        Files.write(temp, Arrays.copyOf(content, content.length / 2));
        throw new IOException("No space left on device");
    };

    @Test
    void aTuningJobWriteThatFailsPartWayLeavesThePreviousStateReadable() throws Exception {
        TuningJob before = new TuningJob("job", TuningJobStatus.InProgress, T0, null, T0, null, null, 1, Counters.NONE, null, null);
        new DirectoryStore(work).save(before);

        DirectoryStore failing = new DirectoryStore(work, FULL_DISK);
        TuningJob after = before.ended(TuningJobStatus.Completed, "done", null, T0.plusSeconds(5));
        assertThrows(IOException.class, () -> failing.save(after));

        assertEquals(before, new DirectoryStore(work).tuningJob().orElseThrow());
        assertEquals(List.of(), leftovers(), "no half-written temp file stays behind");
    }

    @Test
    void aTrainingJobWriteThatFailsPartWayLeavesThePreviousRecord() throws Exception {
        TrainingJob started = TrainingJob.started("job-001", 0, Map.of("x", "1"), T0);
        new DirectoryStore(work).save(started);
        TrainingJob finished = started.finished(dev.hpo.engine.model.TrainingJobStatus.Completed, dev.hpo.engine.model.ObjectiveStatus.Succeeded,
                0.5, null, Map.of("loss", 0.5), Map.of("loss", List.of(0.5)), T0.plusSeconds(1), 0);
        assertThrows(IOException.class, () -> new DirectoryStore(work, FULL_DISK).save(finished));
        assertEquals(List.of(started), new DirectoryStore(work).trainingJobs());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
