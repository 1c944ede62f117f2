package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;

import java.io.IOException;
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
 */
public record JobSnapshot(Path directory, TuningJob tuningJob, List<TrainingJob> trainingJobs,
                          Set<String> earlyStopped, Instant readAt) {

    private static final ObjectMapper LENIENT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
                    JsonNode node = tree(file);
                    TrainingJob job = LENIENT.treeToValue(node, TrainingJob.class);
                    jobs.add(job);
                    if (stoppedEarly(node, job)) {
                        earlyStopped.add(job.name());
                    }
                }
            }
        }
        jobs.sort(Comparator.comparingInt(TrainingJob::index));
        return new JobSnapshot(directory, tuningJob, List.copyOf(jobs), Set.copyOf(earlyStopped), now);
    }

    private static boolean stoppedEarly(JsonNode node, TrainingJob job) {
        if (node.path("earlyStopped").asBoolean(false) || node.path("stoppedEarly").asBoolean(false)) {
            return true;
        }
        // until every writer sets the flag: a Stopped job whose reason says early stopping
        return job.status() == TrainingJobStatus.Stopped && job.failureReason() != null
                && job.failureReason().toLowerCase(Locale.ROOT).contains("early");
    }

    private static JsonNode tree(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return LENIENT.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
