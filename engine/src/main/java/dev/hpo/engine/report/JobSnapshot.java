package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import dev.hpo.engine.store.TunerLock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tuning job's directory as read at one moment, for readers that must not break while a tuner
 * writes it or when a newer tuner adds fields: unknown fields are ignored, and whether a job was
 * stopped early is read from the raw file (an {@code earlyStopped} flag, or the status Stopped).
 * {@code tunerRunning} says whether a live process holds the job's tuner lock: an InProgress job
 * without one was interrupted and will not change any more.
 */
public record JobSnapshot(Path directory, TuningJob tuningJob, List<TrainingJob> trainingJobs,
                          Set<String> earlyStopped, boolean tunerRunning, Instant readAt) {

    private static final ObjectMapper LENIENT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final byte[] EARLY_STOPPED = "\"earlyStopped\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STOPPED_EARLY = "\"stoppedEarly\"".getBytes(StandardCharsets.US_ASCII);

    public static JobSnapshot read(Path directory, Instant now) throws IOException {
        Path tuningFile = directory.resolve(DirectoryStore.TUNING_JOB_FILE);
        TuningJob tuningJob;
        try {
            tuningJob = LENIENT.treeToValue(tree(tuningFile), TuningJob.class);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " holds no tuning job (no " + DirectoryStore.TUNING_JOB_FILE + ")");
        }
        List<TrainingJob> jobs = new ArrayList<>();
        Set<String> earlyStopped = new HashSet<>();
        Path root = directory.resolve(DirectoryStore.TRAINING_JOBS);
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    Path file = entry.resolve(DirectoryStore.TRAINING_JOB_FILE);
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    TrainingJob job = trainingJob(file, bytes);
                    jobs.add(job);
                    if (stoppedEarly(file, bytes, job)) {
                        earlyStopped.add(job.name());
                    }
                }
            }
        }
        jobs.sort(Comparator.comparingInt(TrainingJob::index));
        boolean tunerRunning = TunerLock.owner(directory).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        return new JobSnapshot(directory, tuningJob, List.copyOf(jobs), Set.copyOf(earlyStopped), tunerRunning, now);
    }

    private static TrainingJob trainingJob(Path file, byte[] bytes) throws IOException {
        try {
            return LENIENT.readValue(bytes, TrainingJob.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a training job record: " + e.getMessage(), e);
        }
    }

    private static boolean stoppedEarly(Path file, byte[] bytes, TrainingJob job) throws IOException {
        // most records have no flag; looking for its name first spares a second parse of every file
        if (contains(bytes, EARLY_STOPPED) || contains(bytes, STOPPED_EARLY)) {
            JsonNode node = tree(file, bytes);
            if (node.path("earlyStopped").asBoolean(false) || node.path("stoppedEarly").asBoolean(false)) {
                return true;
            }
        }
        // until every writer sets the flag: a Stopped job whose reason says early stopping
        return job.status() == TrainingJobStatus.Stopped && job.failureReason() != null
                && job.failureReason().toLowerCase(Locale.ROOT).contains("early");
    }

    private static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static JsonNode tree(Path file) throws IOException {
        return tree(file, Files.readAllBytes(file));
    }

    private static JsonNode tree(Path file, byte[] bytes) throws IOException {
        try {
            return LENIENT.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
