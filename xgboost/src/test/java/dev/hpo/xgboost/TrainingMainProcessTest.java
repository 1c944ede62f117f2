package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrainingMain as a separate JVM on a slice of the bank data: the contract a tuner relies on. */
class TrainingMainProcessTest {
    private static final Pattern AUC_LINE = Pattern.compile("^\\[(\\d+)\\]\\ttrain-auc:([0-9.]+)\\tvalidation-auc:([0-9.]+)$");

    @TempDir
    static Path shared;
    static Path trainDir;
    static Path trainFile;
    static Path validationFile;

    @TempDir
    Path dir;

    @BeforeAll
    static void slices() throws Exception {
        // The train channel as SageMaker hands it over: a directory holding one file.
        trainDir = shared.resolve("train");
        trainFile = TestData.slice("train.csv", 2_000, trainDir.resolve("train.csv"));
        validationFile = TestData.slice("validation.csv", 1_000, shared.resolve("validation.csv"));
    }

    private Map<String, String> env(Path modelDir) {
        return Map.of("SM_CHANNEL_TRAIN", trainDir.toString(),
                "SM_CHANNEL_VALIDATION", validationFile.toString(),
                "SM_MODEL_DIR", modelDir.toString());
    }

    @Test
    void printsOneXGBoostLinePerRoundAndTheModelReproducesTheLastValidationAuc() throws Exception {
        Path modelDir = dir.resolve("model");
        ChildProcess.Result r = ChildProcess.trainingMain(env(modelDir), dir.resolve("job"),
                "--num_round", "5", "--eta", "0.3", "--max_depth", "4", "--objective", "binary:logistic",
                "--eval_metric", "auc", "--nthread", "1", "--_tuning_objective_metric", "validation:auc");
        assertEquals(0, r.exitCode(), String.join("\n", r.stderr()));
        assertEquals(5, r.stdout().size(), String.join("\n", r.stdout()));
        double lastTrain = Double.NaN;
        double lastValidation = Double.NaN;
        for (int i = 0; i < 5; i++) {
            Matcher m = AUC_LINE.matcher(r.stdout().get(i));
            assertTrue(m.matches(), r.stdout().get(i));
            assertEquals(i, Integer.parseInt(m.group(1)));
            lastTrain = Double.parseDouble(m.group(2));
            lastValidation = Double.parseDouble(m.group(3));
        }
        Path model = modelDir.resolve(ModelFiles.MODEL_FILE_NAME);
        assertTrue(Files.isRegularFile(model));
        try (var listing = Files.list(modelDir)) {
            assertEquals(List.of(model), listing.toList(), "no temporary files left behind");
        }

        // The tuner's recorded objective must be what re-evaluating the model gives.
        assertEquals(lastValidation, ModelEvaluation.evaluate(modelDir, validationFile).auc(), 1e-6);
        assertEquals(lastTrain, ModelEvaluation.evaluate(model, trainFile).auc(), 1e-6);
        assertTrue(lastValidation > 0.6 && lastValidation < 1, "validation auc " + lastValidation);
    }

    @Test
    void hyperparametersFromSmHpsAndSeveralMetrics() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(dir.resolve("model")));
        env.put("SM_HPS", "{\"num_round\": 3, \"learning_rate\": 0.2, \"objective\": \"binary:logistic\","
                + " \"eval_metric\": \"logloss,auc\", \"max_depth\": \"not used: the argument wins\"}");
        ChildProcess.Result r = ChildProcess.trainingMain(env, dir.resolve("job"), "--max_depth", "3", "--nthread", "1");
        assertEquals(0, r.exitCode(), String.join("\n", r.stderr()));
        assertEquals(3, r.stdout().size());
        assertTrue(r.stdout().get(2).matches(
                "\\[2\\]\\ttrain-logloss:[0-9.]+\\ttrain-auc:[0-9.]+\\tvalidation-logloss:[0-9.]+\\tvalidation-auc:[0-9.]+"),
                r.stdout().get(2));
    }

    @Test
    void trainsOnLibSvmWithoutValidation() throws Exception {
        Path svm = dir.resolve("train.libsvm");
        try (BufferedWriter w = Files.newBufferedWriter(svm)) {
            for (String line : Files.readAllLines(trainFile)) {
                String[] f = line.split(",");
                StringBuilder sb = new StringBuilder(f[0]);
                for (int i = 1; i < f.length; i++) {
                    if (!f[i].equals("0")) {
                        sb.append(' ').append(i - 1).append(':').append(f[i]);
                    }
                }
                w.write(sb.append('\n').toString());
            }
        }
        ChildProcess.Result r = ChildProcess.trainingMain(
                Map.of("SM_CHANNEL_TRAIN", svm.toString(), "SM_MODEL_DIR", dir.resolve("m").toString()),
                dir.resolve("job"), "--num_round", "2", "--objective", "binary:logistic", "--eval_metric", "error");
        assertEquals(0, r.exitCode(), String.join("\n", r.stderr()));
        assertEquals(2, r.stdout().size());
        assertTrue(r.stdout().get(1).matches("\\[1\\]\\ttrain-error:[0-9.]+"), r.stdout().get(1));
        assertTrue(Files.isRegularFile(dir.resolve("m").resolve(ModelFiles.MODEL_FILE_NAME)));
    }

    @Test
    void missingNumRoundExitsTwoNamingIt() throws Exception {
        ChildProcess.Result r = ChildProcess.trainingMain(env(dir.resolve("model")), dir.resolve("job"), "--eta", "0.3");
        assertBadInput(r, "num_round");
    }

    @Test
    void unparsableValueExitsTwoNamingTheHyperparameter() throws Exception {
        ChildProcess.Result r = ChildProcess.trainingMain(env(dir.resolve("model")), dir.resolve("job"),
                "--num_round", "3", "--max_depth", "deep");
        assertBadInput(r, "max_depth");
        assertTrue(r.lastStderrLine().contains("'deep'"), r.lastStderrLine());
    }

    @Test
    void missingDataFileExitsTwoNamingVariableAndPath() throws Exception {
        Path nowhere = dir.resolve("no-such-file.csv");
        ChildProcess.Result r = ChildProcess.trainingMain(
                Map.of("SM_CHANNEL_TRAIN", nowhere.toString(), "SM_MODEL_DIR", dir.resolve("m").toString()),
                dir.resolve("job"), "--num_round", "3");
        assertBadInput(r, "SM_CHANNEL_TRAIN");
        assertTrue(r.lastStderrLine().contains(nowhere.toString()), r.lastStderrLine());
    }

    @Test
    void missingTrainChannelExitsTwo() throws Exception {
        ChildProcess.Result r = ChildProcess.trainingMain(Map.of("SM_MODEL_DIR", dir.resolve("m").toString()),
                dir.resolve("job"), "--num_round", "3");
        assertBadInput(r, "SM_CHANNEL_TRAIN is not set");
    }

    @Test
    void anXGBoostErrorExitsOneWithXGBoostsMessage() throws Exception {
        ChildProcess.Result r = ChildProcess.trainingMain(env(dir.resolve("model")), dir.resolve("job"),
                "--num_round", "3", "--subsample", "3");
        assertEquals(1, r.exitCode());
        assertTrue(r.lastStderrLine().startsWith("XGBoost error: ") && r.lastStderrLine().contains("subsample"),
                r.lastStderrLine());
        assertTrue(!r.lastStderrLine().contains("Stack trace"), r.lastStderrLine());
    }

    private static void assertBadInput(ChildProcess.Result r, String named) {
        assertEquals(2, r.exitCode(), String.join("\n", r.stderr()));
        assertTrue(r.stdout().isEmpty(), String.join("\n", r.stdout()));
        assertEquals(1, r.stderr().size(), "one line on stderr: " + r.stderr());
        assertTrue(r.lastStderrLine().startsWith("error: ") && r.lastStderrLine().contains(named), r.lastStderrLine());
    }
}
