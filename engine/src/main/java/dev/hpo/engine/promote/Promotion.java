package dev.hpo.engine.promote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies a tuning job's best model and its card to a destination. The new directory is assembled
 * beside the destination and renamed into place, so a server or a CI step reading the destination
 * sees the old promotion or the new one, never half of each. Only a directory that holds a model card
 * (an earlier promotion) or nothing is replaced.
 */
public final class Promotion {
    public static final String MODEL_DIRECTORY = "model";

    public record Promoted(Path destination, TrainingJob trainingJob, ObjectNode card, boolean replaced) {
    }

    private Promotion() {
    }

    public static Promoted promote(Path jobDirectory, Path destination, Instant now) throws IOException {
        DirectoryStore store = new DirectoryStore(jobDirectory);
        TuningJob job = store.tuningJob().orElseThrow(() -> new IOException(jobDirectory + " holds no tuning job"));
        if (!job.status().terminal()) {
            throw new IOException("tuning job " + job.name() + " is still " + job.status() + "; promote it once it has ended");
        }
        TrainingJob best = job.bestTrainingJob();
        if (best == null) {
            throw new IOException("tuning job " + job.name() + " has no best training job (status " + job.status() + ")");
        }
        Path model = store.trainingJobDirectory(best.name()).resolve(MODEL_DIRECTORY);
        if (!Files.isDirectory(model)) {
            throw new IOException("the best training job's model directory " + model + " does not exist");
        }
        try (var entries = Files.list(model)) {
            if (entries.findAny().isEmpty()) {
                throw new IOException("the best training job's model directory " + model + " is empty: its job wrote no model to SM_MODEL_DIR");
            }
        }
        Path target = destination.toAbsolutePath().normalize();
        boolean replacing = Files.exists(target);
        if (replacing && !Files.isRegularFile(target.resolve(ModelCard.FILE_NAME)) && !emptyDirectory(target)) {
            throw new IOException(destination + " exists and is not an earlier promotion (no " + ModelCard.FILE_NAME
                    + "); give a new or empty directory");
        }
        Files.createDirectories(target.getParent());
        String suffix = "." + ProcessHandle.current().pid() + "." + System.nanoTime();
        Path staging = target.resolveSibling("." + target.getFileName() + suffix + ".new");
        Path old = target.resolveSibling("." + target.getFileName() + suffix + ".old");
        try {
            copyTree(model, staging.resolve(MODEL_DIRECTORY));
            ObjectNode card = ModelCard.of(job, best, jobDirectory, now);
            Files.write(staging.resolve(ModelCard.FILE_NAME), Json.mapper().writeValueAsBytes(card));
            Files.writeString(staging.resolve(ModelCard.MARKDOWN_FILE_NAME), ModelCard.markdown(card), StandardCharsets.UTF_8);
            if (replacing) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Promoted(target, best, card, replacing && !emptyDirectory(old));
        } finally {
            deleteTree(staging);
            deleteTree(old);
        }
    }

    private static boolean emptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
