package dev.hpo.xgboost;

import dev.hpo.engine.config.Channel;
import dev.hpo.engine.config.InputCheck;
import dev.hpo.engine.validation.ConfigProblem;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tuning job's data and hyperparameters once, the way every one of its XGBoost training jobs
 * would, before the first job starts: each channel resolves to one file whose declared format is the
 * format it is in; CSV files are numbers only with one width, the same for train and validation; and
 * XGBoost accepts the hyperparameters for one round on a sample of the training rows.
 */
public final class XgboostInputCheck implements InputCheck {
    private static final int SAMPLE_ROWS = 1000;

    @Override
    public List<ConfigProblem> check(Map<Channel, String> channels, Map<String, String> hyperParameters, String hyperParametersPath) {
        List<ConfigProblem> problems = new ArrayList<>();
        TrainingSettings settings;
        try {
            settings = TrainingSettings.from(Hyperparameters.of(hyperParameters));
        } catch (UsageException e) {
            problems.add(new ConfigProblem(hyperParametersPath, e.getMessage()));
            return problems;
        }
        Path trainFile = null;
        ContentType trainType = null;
        int trainColumns = -1;
        List<Map.Entry<Channel, String>> trainFirst = new ArrayList<>(channels.entrySet());
        trainFirst.sort(Comparator.comparing(entry -> !entry.getKey().name().equals(RoundByRoundTraining.TRAIN)));
        for (Map.Entry<Channel, String> entry : trainFirst) {
            Channel channel = entry.getKey();
            String path = entry.getValue();
            if (!channel.name().equals(RoundByRoundTraining.TRAIN) && !channel.name().equals(RoundByRoundTraining.VALIDATION)) {
                continue;
            }
            try {
                Optional<ContentType> declared = settings.contentType();
                if (declared.isEmpty() && channel.contentType() != null) {
                    try {
                        declared = Optional.of(ContentType.parse(channel.contentType()));
                    } catch (UsageException e) {
                        problems.add(new ConfigProblem(path + ".ContentType", "'" + channel.contentType()
                                + "' is not a format the built-in xgboost reads; use text/csv or text/libsvm"));
                        continue;
                    }
                }
                DataChannel data = DataChannel.at(channel.name(), channel.path(), declared);
                // what a training job will take the file for: its extension, or failing that its first line
                ContentType content = ContentType.of(data.file());
                if (declared.isPresent() && declared.get() != content) {
                    problems.add(new ConfigProblem(path + ".ContentType", "says " + declared.get().mimeType() + " but "
                            + data.file() + " reads as " + content.mimeType() + " (by its name, or else its first line)"));
                    continue;
                }
                if (Files.size(data.file()) == 0) {
                    problems.add(new ConfigProblem(path, data.file() + " is empty"));
                    continue;
                }
                if (trainType != null && data.contentType() != trainType) {
                    problems.add(new ConfigProblem(path, data.file() + " is " + data.contentType().mimeType() + " but the train channel's "
                            + trainFile + " is " + trainType.mimeType() + "; give every channel the same format"));
                    continue;
                }
                if (data.contentType() == ContentType.CSV) {
                    int columns = CsvCheck.check(data.file(), true);
                    if (columns == 0) {
                        problems.add(new ConfigProblem(path, data.file() + " holds no rows, only blank lines"));
                        continue;
                    }
                    if (trainColumns >= 0 && columns != trainColumns) {
                        problems.add(new ConfigProblem(path, data.file() + " has " + columns + " columns but the train channel's "
                                + trainFile + " has " + trainColumns + "; both hold the label first and the same features"));
                    }
                    if (channel.name().equals(RoundByRoundTraining.TRAIN)) {
                        trainColumns = columns;
                    }
                }
                if (channel.name().equals(RoundByRoundTraining.TRAIN)) {
                    trainFile = data.file();
                    trainType = data.contentType();
                }
            } catch (UsageException e) {
                problems.add(new ConfigProblem(path, e.getMessage()));
            } catch (IOException e) {
                problems.add(new ConfigProblem(path, channel.path() + " cannot be read: " + e.getMessage()));
            }
        }
        if (problems.isEmpty() && trainFile != null) {
            tryOneRound(trainFile, trainType, settings, hyperParametersPath, problems);
        }
        return problems;
    }

    /** XGBoost is the only authority on its parameters: ask it, on a sample small enough to take milliseconds. */
    private static void tryOneRound(Path trainFile, ContentType type, TrainingSettings settings, String path, List<ConfigProblem> problems) {
        Path sample = null;
        try {
            sample = Files.createTempFile("hpo-sample-", type == ContentType.CSV ? ".csv" : ".libsvm");
            copyFirstLines(trainFile, sample);
            DMatrix data = NativeData.load(sample, type, true);
            TrainingSettings oneRound = new TrainingSettings(1, settings.contentType(), settings.boosterParams(), settings.evalMetrics());
            RoundByRoundTraining.train(oneRound, data, data, new PrintStream(OutputStream.nullOutputStream()));
        } catch (XGBoostError e) {
            problems.add(new ConfigProblem(path, "XGBoost refuses these hyperparameters: " + XGBoostMessages.oneLine(e)));
        } catch (UsageException | IOException e) {
            problems.add(new ConfigProblem(path, "cannot try the hyperparameters on a sample of " + trainFile + ": " + e.getMessage()));
        } finally {
            if (sample != null) {
                try {
                    Files.deleteIfExists(sample);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void copyFirstLines(Path from, Path to) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.ISO_8859_1);
             BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.ISO_8859_1)) {
            String line;
            int rows = 0;
            while (rows < SAMPLE_ROWS && (line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.write(line);
                    out.newLine();
                    rows++;
                }
            }
        }
    }
}
