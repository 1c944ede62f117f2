package dev.hpo.xgboost;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Where and how a model is stored: SageMaker's name {@code xgboost-model} inside the model directory,
 * in XGBoost's UBJSON format (its default since 2.0: compact and exact, and readable by every XGBoost
 * binding with {@code load_model}).
 */
public final class ModelFiles {
    public static final String MODEL_FILE_NAME = "xgboost-model";
    static final String FORMAT = "ubj";

    private ModelFiles() {
    }

    /** A model file, or a directory that holds {@value #MODEL_FILE_NAME}. */
    public static Path resolve(Path fileOrDirectory) throws UsageException {
        if (Files.isDirectory(fileOrDirectory)) {
            Path file = fileOrDirectory.resolve(MODEL_FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("model directory " + fileOrDirectory + " holds no " + MODEL_FILE_NAME);
            }
            return file;
        }
        if (!Files.isRegularFile(fileOrDirectory)) {
            throw new UsageException("model " + fileOrDirectory + " does not exist");
        }
        return fileOrDirectory;
    }

    public static Booster load(Path fileOrDirectory) throws UsageException, IOException, XGBoostError {
        Path file = resolve(fileOrDirectory);
        NativeLibraryCache.preload();
        // From bytes, because loading from a path without a .json/.ubj extension makes XGBoost print a
        // warning while it guesses the format; from a buffer it recognises both formats silently.
        if (Files.size(file) == 0) {
            // XGBoost aborts the whole process on an empty buffer
            throw new UsageException("model " + file + " is empty");
        }
        try {
            return XGBoost.loadModel(Files.readAllBytes(file));
        } catch (XGBoostError e) {
            throw new UsageException("model " + file + " is not an XGBoost model XGBoost can read: " + XGBoostMessages.oneLine(e));
        }
    }

    /**
     * Writes the model to {@code modelDir/xgboost-model} through a temporary file and a rename, so a
     * job killed while saving never leaves a truncated model behind for someone to deploy.
     */
    public static Path save(Booster booster, Path modelDir) throws IOException, XGBoostError {
        Files.createDirectories(modelDir);
        Path target = modelDir.resolve(MODEL_FILE_NAME);
        // Not Files.createTempFile: its owner-only permissions would stay on the model after the rename.
        Path temp = modelDir.resolve("." + MODEL_FILE_NAME + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                booster.saveModel(out, FORMAT);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
