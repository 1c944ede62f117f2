package dev.hpo.xgboost;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** A small trained model and rows of features from the bank data, for the serving tests. */
public final class ServeFixtures {
    private ServeFixtures() {
    }

    public static Path trainSmallModel(Path dir) throws Exception {
        Path train = TestData.slice("train.csv", 1_000, dir.resolve("train.csv"));
        Path model = dir.resolve("model");
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        int code = TrainingMain.run(new String[] {"--num_round", "5", "--objective", "binary:logistic", "--nthread", "1"},
                Map.of("SM_CHANNEL_TRAIN", train.toString(), "SM_MODEL_DIR", model.toString()), quiet, quiet);
        if (code != 0) {
            throw new IllegalStateException("training the fixture model exited with " + code);
        }
        return model;
    }

    /** The first {@code rows} test rows without their label, as a client sends them. */
    public static Path featuresOnly(Path dir, int rows) throws Exception {
        Path labelled = TestData.slice("test.csv", rows, dir.resolve("test.csv"));
        Path features = dir.resolve("features.csv");
        Files.write(features, Files.readAllLines(labelled).stream()
                .map(line -> line.substring(line.indexOf(',') + 1)).collect(Collectors.toList()));
        return features;
    }
}
