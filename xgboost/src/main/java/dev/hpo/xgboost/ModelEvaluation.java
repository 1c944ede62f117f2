package dev.hpo.xgboost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * How well a binary model does on held-out labelled data: AUC, log loss, and accuracy with its
 * confusion matrix at a threshold (0.5 by default).
 *
 * <p>The data is read by XGBoost's own loader, exactly as training read its validation channel, so
 * evaluating a training job's model on that job's validation file gives back the {@code validation-auc}
 * that the job printed last, which is the objective value the tuner recorded.
 */
public record ModelEvaluation(long rows, long positives, double auc, double logloss, double accuracy,
                              double threshold, ConfusionMatrix confusion) {

    public static final double DEFAULT_THRESHOLD = 0.5;

    /** Scores {@code data} (CSV with the label first, or LibSVM) with the model file or model directory. */
    public static ModelEvaluation evaluate(Path model, Path data) throws UsageException, IOException, XGBoostError {
        return evaluate(model, data, DEFAULT_THRESHOLD);
    }

    public static ModelEvaluation evaluate(Path model, Path data, double threshold)
            throws UsageException, IOException, XGBoostError {
        Booster booster = ModelFiles.load(model);
        try {
            if (NativeData.contentType(data) == ContentType.CSV) {
                Prediction.checkColumns(booster, data, true);
            }
            DMatrix matrix = NativeData.load(data, true);
            try {
                float[][] predictions = booster.predict(matrix);
                if (predictions.length > 0 && predictions[0].length != 1) {
                    throw new UsageException("the model predicts " + predictions[0].length
                            + " values per row; evaluation covers binary models with one score per row");
                }
                float[] scores = new float[predictions.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = predictions[i][0];
                }
                return of(matrix.getLabel(), scores, threshold);
            } finally {
                matrix.dispose();
            }
        } finally {
            booster.dispose();
        }
    }

    /** The metrics of given labels (0 or 1) and probabilities. */
    public static ModelEvaluation of(float[] labels, float[] scores, double threshold) {
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, scores, threshold);
        return new ModelEvaluation(labels.length, confusion.truePositives() + confusion.falseNegatives(),
                RocAuc.of(labels, scores), LogLoss.of(labels, scores), confusion.accuracy(), threshold, confusion);
    }

    public String toText() {
        String nl = System.lineSeparator();
        return String.format(Locale.ROOT, "rows       %d (%d positive, %.2f%%)", rows, positives,
                rows == 0 ? 0.0 : 100.0 * positives / rows) + nl
                + String.format(Locale.ROOT, "auc        %.6f", auc) + nl
                + String.format(Locale.ROOT, "logloss    %.6f", logloss) + nl
                + String.format(Locale.ROOT, "accuracy   %.6f (positive when score > %s)", accuracy, threshold) + nl
                + String.format(Locale.ROOT, "confusion  %-12s %10s %10s", "", "actual 1", "actual 0") + nl
                + String.format(Locale.ROOT, "           %-12s %10d %10d", "predicted 1",
                        confusion.truePositives(), confusion.falsePositives()) + nl
                + String.format(Locale.ROOT, "           %-12s %10d %10d", "predicted 0",
                        confusion.falseNegatives(), confusion.trueNegatives()) + nl;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> confusionMap = new LinkedHashMap<>();
        confusionMap.put("truePositives", confusion.truePositives());
        confusionMap.put("falsePositives", confusion.falsePositives());
        confusionMap.put("trueNegatives", confusion.trueNegatives());
        confusionMap.put("falseNegatives", confusion.falseNegatives());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rows", rows);
        map.put("positives", positives);
        map.put("auc", auc);
        map.put("logloss", logloss);
        map.put("accuracy", accuracy);
        map.put("threshold", threshold);
        map.put("confusion", confusionMap);
        return map;
    }

    /** {@link #toMap()} as one JSON object; an undefined value (NaN AUC on one class) is {@code null}. */
    public String toJson() {
        return json(toMap());
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append('"').append(e.getKey()).append("\":").append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "null";
        }
        return String.valueOf(value);
    }

    public static void main(String[] args) {
        boolean asJson = false;
        double threshold = DEFAULT_THRESHOLD;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                asJson = true;
            } else if (args[i].equals("--threshold") && i + 1 < args.length) {
                try {
                    threshold = Double.parseDouble(args[++i]);
                } catch (NumberFormatException e) {
                    System.err.println("error: --threshold must be a number, got '" + args[i] + "'");
                    System.exit(TrainingMain.EXIT_BAD_INPUT);
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: ModelEvaluation <model file or directory> <labelled data: CSV label-first or LibSVM> [--threshold 0.5] [--json]");
            System.exit(TrainingMain.EXIT_BAD_INPUT);
        }
        try {
            ModelEvaluation result = evaluate(Path.of(positional.get(0)), Path.of(positional.get(1)), threshold);
            System.out.print(asJson ? result.toJson() + System.lineSeparator() : result.toText());
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
