package dev.hpo.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The embedded store: one directory per tuning job, one JSON file for it and one per training job,
 * each rewritten atomically. Plain files, so users can read them and other tools can too.
 */
public final class DirectoryStore implements Store {
    public static final String TUNING_JOB_FILE = "tuning-job.json";
    public static final String TRAINING_JOB_FILE = "training-job.json";
    public static final String TRAINING_JOBS = "training-jobs";
    public static final String WARM_START_PARENTS_FILE = "warm-start-parents.json";

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
        Path file = directory.resolve(TUNING_JOB_FILE);
        // the first record (its seed and config) and the last are kept through a power cut; the counters and
        // best job in between are derived from the training jobs' records again on resume
        boolean keep = tuningJob.status() != TuningJobStatus.InProgress || !Files.exists(file);
        AtomicFile.write(file, json.writeValueAsBytes(tuningJob), keep ? writer : AtomicFile.ATOMIC_ONLY);
    }

    @Override
    public void save(TrainingJob trainingJob) throws IOException {
        Path jobDirectory = trainingJobDirectory(trainingJob.name());
        Files.createDirectories(jobDirectory);
        // a result is forced to disk; a running job's record, if a power cut loses it, is only run again on resume
        boolean keep = trainingJob.status().terminal();
        AtomicFile.write(jobDirectory.resolve(TRAINING_JOB_FILE), json.writeValueAsBytes(trainingJob), keep ? writer : AtomicFile.ATOMIC_ONLY);
    }

    /**
     * The parents are looked up by name in the output directory of the config (or given as paths), which
     * need not be where this job's directory ends up (`tune --output`): describe and the result file read
     * their locations from here instead of guessing them again. Each is kept relative to this job's
     * directory where it can be, so a folder holding both can be moved or copied.
     */
    @Override
    public void saveWarmStartParents(List<Path> parentDirectories) throws IOException {
        Files.createDirectories(directory);
        Path self = directory.toAbsolutePath().normalize();
        List<String> paths = new ArrayList<>();
        for (Path parent : parentDirectories) {
            Path absolute = parent.toAbsolutePath().normalize();
            paths.add(Objects.equals(absolute.getRoot(), self.getRoot()) ? self.relativize(absolute).toString() : absolute.toString());
        }
        AtomicFile.write(directory.resolve(WARM_START_PARENTS_FILE), json.writeValueAsBytes(paths), writer);
    }

    /** Entries that are not paths, or that name this job itself, are left out (a hand-edited or damaged file). */
    @Override
    public List<Path> warmStartParents() throws IOException {
        JsonNode paths;
        try {
            paths = json.readTree(Files.readAllBytes(directory.resolve(WARM_START_PARENTS_FILE)));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Path self = directory.toAbsolutePath().normalize();
        List<Path> parents = new ArrayList<>();
        if (paths != null && paths.isArray()) {
            for (JsonNode entry : paths) {
                if (entry.isTextual() && !entry.asText().isBlank()) {
                    Path parent = self.resolve(entry.asText()).normalize();
                    if (!parent.equals(self)) {
                        parents.add(parent);
                    }
                }
            }
        }
        return parents;
    }

    @Override
    public Optional<TuningJob> tuningJob() throws IOException {
        try {
            return Optional.of(read(directory.resolve(TUNING_JOB_FILE), TuningJob.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads every training job's file, on all cores: listing a 10,000-job tuning job is 10,000 small
     * JSON files, and parsing them one after the other took longer than the one second people wait.
     */
    @Override
    public List<TrainingJob> trainingJobs() throws IOException {
        Path root = directory.resolve(TRAINING_JOBS);
        if (!Files.isDirectory(root)) {
            return new ArrayList<>();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                files.add(entry.resolve(TRAINING_JOB_FILE));
            }
        }
        List<TrainingJob> jobs;
        try {
            jobs = files.parallelStream().map(this::readIfPresent).filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        jobs.sort(Comparator.comparingInt(TrainingJob::index));
        return jobs;
    }

    private TrainingJob readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null; // a stray file, or a directory whose job record is not written yet
        }
        try {
            return read(file, TrainingJob.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        // every reader of a training job walks its hyperparameters; a record without them says nothing about the job
        if (value instanceof TrainingJob j && j.tunedHyperParameters() == null) {
            throw new IOException(file + " is damaged: it lacks the tuned hyperparameters");
        }
        return value;
    }

    @Override
    public Path trainingJobDirectory(String trainingJobName) {
        return directory.resolve(TRAINING_JOBS).resolve(trainingJobName);
    }
}
