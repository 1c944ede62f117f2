package dev.hpo.xgboost;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Scores rows with a trained model and writes one score per line (comma-separated when the model gives
 * several values per row, e.g. {@code multi:softprob}).
 *
 * <p>Input follows SageMaker inference: CSV of features only, no label and no header. A file that still
 * carries its label in the first column (like train.csv) needs {@code hasLabel}; this is explicit rather
 * than guessed, because a guess from the column count goes wrong silently when it goes wrong. LibSVM
 * input always starts with a (possibly dummy) label.
 */
public final class Prediction {
    private Prediction() {
    }

    /** Scores of every row of {@code data}, in file order. */
    public static float[][] score(Booster booster, Path data, boolean hasLabel)
            throws UsageException, IOException, XGBoostError {
        ContentType type = NativeData.contentType(data);
        if (type == ContentType.CSV) {
            checkColumns(booster, data, hasLabel);
        }
        DMatrix matrix = NativeData.load(data, type, hasLabel);
        try {
            return booster.predict(matrix);
        } finally {
            matrix.dispose();
        }
    }

    /** Loads the model, scores {@code data} and writes the scores; returns the number of rows. */
    public static long predict(Path model, Path data, boolean hasLabel, Writer out)
            throws UsageException, IOException, XGBoostError {
        Booster booster = ModelFiles.load(model);
        try {
            float[][] scores = score(booster, data, hasLabel);
            StringBuilder line = new StringBuilder();
            for (float[] row : scores) {
                line.setLength(0);
                for (int k = 0; k < row.length; k++) {
                    if (k > 0) {
                        line.append(',');
                    }
                    // Float.toString is the shortest text that reads back as the same float.
                    line.append(row[k]);
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
            return scores.length;
        } finally {
            booster.dispose();
        }
    }

    /**
     * XGBoost accepts a CSV with a column too many or too few and then scores the wrong features, so the
     * first row's width is compared with the model's feature count; the message says which flag fits.
     */
    static void checkColumns(Booster booster, Path data, boolean hasLabel)
            throws UsageException, IOException, XGBoostError {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(data, StandardCharsets.ISO_8859_1)) {
            do {
                first = reader.readLine();
            } while (first != null && first.isBlank());
        }
        if (first == null) {
            throw new UsageException("data file " + data + " holds no rows");
        }
        long columns = first.split(",", -1).length;
        long features = booster.getNumFeature();
        long expected = hasLabel ? features + 1 : features;
        if (columns == expected) {
            return;
        }
        String hint = "";
        if (!hasLabel && columns == features + 1) {
            hint = "; if the first column is the label, pass --has-label";
        } else if (hasLabel && columns == features) {
            hint = "; the file seems to hold features only, so leave out --has-label";
        }
        throw new UsageException("data file " + data + " has " + columns + " columns but the model expects "
                + features + " features" + (hasLabel ? " after the label" : "") + hint);
    }

    public static void main(String[] args) {
        boolean hasLabel = false;
        Path output = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--has-label")) {
                hasLabel = true;
            } else if (args[i].equals("--output") && i + 1 < args.length) {
                output = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: Prediction <model file or directory> <data.csv (features only) or .libsvm>"
                    + " [--has-label] [--output scores.txt]");
            System.exit(TrainingMain.EXIT_BAD_INPUT);
        }
        try (Writer out = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            predict(Path.of(positional.get(0)), Path.of(positional.get(1)), hasLabel, out);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(TrainingMain.EXIT_BAD_INPUT);
        } catch (XGBoostError e) {
            System.err.println("XGBoost error: " + XGBoostMessages.oneLine(e));
            System.exit(TrainingMain.EXIT_FAILURE);
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + e);
            System.exit(TrainingMain.EXIT_FAILURE);
        }
    }
}
