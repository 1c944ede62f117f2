package dev.hpo.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store: one directory per tuning job, one JSON file for it and one per training job,
 * each rewritten atomically. Plain files, so users can read them and other tools can too.
 */
public final class DirectoryStore implements Store {
    public static final String TUNING_JOB_FILE = "tuning-job.json";
    public static final String TRAINING_JOB_FILE = "training-job.json";
    public static final String TRAINING_JOBS = "training-jobs";

    private final Path directory;
    private final ObjectMapper json = Json.mapper();
    private final AtomicFile.ContentWriter writer;

    public DirectoryStore(Path directory) {
        this(directory, AtomicFile.DURABLE);
    }

    DirectoryStore(Path directory, AtomicFile.ContentWriter writer) {
        this.directory = directory;
        this.writer = writer;
    }

    public Path directory() {
        return directory;
    }

    /** True when {@code directory} holds a tuning job. */
    public static boolean holdsTuningJob(Path directory) {
        return Files.isRegularFile(directory.resolve(TUNING_JOB_FILE));
    }

    @Override
    public void save(TuningJob tuningJob) throws IOException {
        Files.createDirectories(directory);
        AtomicFile.write(directory.resolve(TUNING_JOB_FILE), json.writeValueAsBytes(tuningJob), writer);
    }

    @Override
    public void save(TrainingJob trainingJob) throws IOException {
        Path jobDirectory = trainingJobDirectory(trainingJob.name());
        Files.createDirectories(jobDirectory);
        AtomicFile.write(jobDirectory.resolve(TRAINING_JOB_FILE), json.writeValueAsBytes(trainingJob), writer);
    }

    @Override
    public Optional<TuningJob> tuningJob() throws IOException {
        try {
            return Optional.of(read(directory.resolve(TUNING_JOB_FILE), TuningJob.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<TrainingJob> trainingJobs() throws IOException {
        List<TrainingJob> jobs = new ArrayList<>();
        Path root = directory.resolve(TRAINING_JOBS);
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Path file = entry.resolve(TRAINING_JOB_FILE);
                if (Files.isRegularFile(file)) {
                    jobs.add(read(file, TrainingJob.class));
                }
            }
        }
        jobs.sort(Comparator.comparingInt(TrainingJob::index));
        return jobs;
    }

    /** A damaged record is named, so the user knows which file to look at; nothing is guessed from it. */
    private <T> T read(Path file, Class<T> type) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        T value;
        try {
            value = json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is damaged: " + e.getOriginalMessage(), e);
        }
        boolean complete = value instanceof TuningJob t ? t.name() != null && t.status() != null && t.counters() != null
                : value instanceof TrainingJob j && j.name() != null && j.status() != null && j.objectiveStatus() != null;
        if (!complete) {
            throw new IOException(file + " is damaged: it lacks the name or the status");
        }
        return value;
    }

    @Override
    public Path trainingJobDirectory(String trainingJobName) {
        return directory.resolve(TRAINING_JOBS).resolve(trainingJobName);
    }
}
