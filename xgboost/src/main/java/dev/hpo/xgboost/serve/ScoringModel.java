package dev.hpo.xgboost.serve;

import dev.hpo.xgboost.ModelFiles;
import dev.hpo.xgboost.UsageException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model that many request threads score with at once. Each thread gets its own Booster loaded from
 * the same bytes: XGBoost documents prediction as thread-safe only for some boosters and versions, and
 * a copy per thread costs a few megabytes at most while needing no lock on the hot path.
 */
final class ScoringModel implements AutoCloseable {
    private final byte[] bytes;
    private final Path file;
    private final int features;
    private final List<Booster> all = new ArrayList<>();
    private final ThreadLocal<Booster> perThread = ThreadLocal.withInitial(this::load);

    ScoringModel(Path fileOrDirectory) throws UsageException, IOException, XGBoostError {
        file = ModelFiles.resolve(fileOrDirectory);
        bytes = Files.readAllBytes(file);
        Booster first = XGBoost.loadModel(new ByteArrayInputStream(bytes));
        features = (int) first.getNumFeature();
        synchronized (all) {
            all.add(first);
        }
    }

    Path file() {
        return file;
    }

    int features() {
        return features;
    }

    /** Scores rows in memory: {@link LoaderFloats} has already rounded them as XGBoost's loader would. */
    float[][] score(FeatureRows rows) throws XGBoostError {
        DMatrix matrix = new DMatrix(rows.values(), rows.rows(), rows.columns(), Float.NaN);
        try {
            return perThread.get().predict(matrix);
        } finally {
            matrix.dispose();
        }
    }

    private Booster load() {
        try {
            Booster booster = XGBoost.loadModel(new ByteArrayInputStream(bytes));
            synchronized (all) {
                all.add(booster);
            }
            return booster;
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("the model " + file + " loaded once but not again: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(Booster::dispose);
            all.clear();
        }
    }
}
