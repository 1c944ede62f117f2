package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionTest {
    @TempDir
    static Path dir;
    static Path modelDir;
    static Path labelled;
    static Path featuresOnly;

    @BeforeAll
    static void trainASmallModel() throws Exception {
        Path train = TestData.slice("train.csv", 1_000, dir.resolve("train.csv"));
        labelled = TestData.slice("test.csv", 200, dir.resolve("test.csv"));
        featuresOnly = dir.resolve("features.csv");
        Files.write(featuresOnly, Files.readAllLines(labelled).stream()
                .map(line -> line.substring(line.indexOf(',') + 1)).collect(Collectors.toList()));
        modelDir = dir.resolve("model");
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        int code = TrainingMain.run(new String[] {"--num_round", "4", "--objective", "binary:logistic", "--nthread", "1"},
                Map.of("SM_CHANNEL_TRAIN", train.toString(), "SM_MODEL_DIR", modelDir.toString()), quiet, quiet);
        assertEquals(0, code);
    }

    @Test
    void featuresOnlyAndLabelFirstGiveTheSameScores() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        assertEquals(200, Prediction.predict(modelDir, featuresOnly, false, a));
        assertEquals(200, Prediction.predict(modelDir.resolve(ModelFiles.MODEL_FILE_NAME), labelled, true, b));
        assertEquals(a.toString(), b.toString());
        List<String> lines = a.toString().lines().toList();
        assertEquals(200, lines.size());
        for (String line : lines) {
            float p = Float.parseFloat(line);
            assertTrue(p > 0 && p < 1, line);
        }
    }

    @Test
    void scoresMatchTheBoosterAndEvaluation() throws Exception {
        Booster booster = ModelFiles.load(modelDir);
        float[][] scores = Prediction.score(booster, featuresOnly, false);
        float[] labels = new float[scores.length];
        float[] flat = new float[scores.length];
        List<String> lines = Files.readAllLines(labelled);
        for (int i = 0; i < scores.length; i++) {
            labels[i] = Float.parseFloat(lines.get(i).substring(0, 1));
            flat[i] = scores[i][0];
        }
        ModelEvaluation direct = ModelEvaluation.of(labels, flat, 0.5);
        ModelEvaluation viaFiles = ModelEvaluation.evaluate(modelDir, labelled);
        assertEquals(direct, viaFiles);
        booster.dispose();
    }

    @Test
    void wrongColumnCountSaysWhichFlagFits() {
        UsageException e = assertThrows(UsageException.class,
                () -> Prediction.predict(modelDir, labelled, false, new StringWriter()));
        assertTrue(e.getMessage().contains("--has-label"), e.getMessage());
        e = assertThrows(UsageException.class, () -> Prediction.predict(modelDir, featuresOnly, true, new StringWriter()));
        assertTrue(e.getMessage().contains("leave out --has-label"), e.getMessage());
    }

    @Test
    void modelLocations() throws Exception {
        assertEquals(modelDir.resolve(ModelFiles.MODEL_FILE_NAME), ModelFiles.resolve(modelDir));
        UsageException e = assertThrows(UsageException.class, () -> ModelFiles.resolve(dir));
        assertTrue(e.getMessage().contains("holds no xgboost-model"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ModelFiles.resolve(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
