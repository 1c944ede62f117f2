package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import dev.hpo.engine.store.TunerLock;

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
import java.util.Set;

/**
 * A tuning job's directory as read at one moment, for readers that must not break while a tuner
 * writes it or when a newer tuner adds fields: unknown fields are ignored. {@code earlyStopped} names
 * the training jobs that early stopping ended.
 * {@code tunerRunning} says whether a live process holds the job's tuner lock: an InProgress job
 * without one was interrupted and will not change any more.
 */
public record JobSnapshot(Path directory, TuningJob tuningJob, List<TrainingJob> trainingJobs,
                          Set<String> earlyStopped, boolean tunerRunning, Instant readAt) {

    private static final ObjectMapper LENIENT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** For readers in another process than the tuner: whether a tuner runs is asked of its lock file. */
    public static JobSnapshot read(Path directory, Instant now) throws IOException {
        return read(directory, now, false);
    }

    /**
     * For the tuner's own process, which knows it runs. It must not open the lock file: the lock is an
     * operating-system record lock, and on Linux closing any descriptor of that file in the owning
     * process releases the lock, which would let a second tuner in.
     */
    public static JobSnapshot readByTuner(Path directory, Instant now) throws IOException {
        return read(directory, now, true);
    }

    private static JobSnapshot read(Path directory, Instant now, boolean tunerIsThisProcess) throws IOException {
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
                    if (job.wasEarlyStopped()) {
                        earlyStopped.add(job.name());
                    }
                }
            }
        }
        jobs.sort(Comparator.comparingInt(TrainingJob::index));
        boolean tunerRunning = tunerIsThisProcess || TunerLock.liveOwner(directory).isPresent();
        return new JobSnapshot(directory, tuningJob, List.copyOf(jobs), Set.copyOf(earlyStopped), tunerRunning, now);
    }

    private static TrainingJob trainingJob(Path file, byte[] bytes) throws IOException {
        TrainingJob job;
        try {
            job = LENIENT.readValue(bytes, TrainingJob.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a training job record: " + e.getMessage(), e);
        }
        if (job.tunedHyperParameters() == null) {
            // lenient about the rest, but every page of the report lists a job's hyperparameters
            throw new IOException(file + " is damaged: it lacks the tuned hyperparameters");
        }
        return job;
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
