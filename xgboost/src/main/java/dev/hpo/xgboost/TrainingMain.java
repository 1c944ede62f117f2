package dev.hpo.xgboost;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The built-in XGBoost algorithm as a training job: the child process that a tuner launches once per
 * set of hyperparameters.
 *
 * <p>Contract (SageMaker script mode):
 * <ul>
 * <li>hyperparameters: {@code --name value} arguments, and the JSON object in {@code SM_HPS}; arguments
 *     win. {@code num_round} is required. See {@link TrainingSettings} for what reaches XGBoost.</li>
 * <li>data: {@code SM_CHANNEL_TRAIN} (required) and {@code SM_CHANNEL_VALIDATION} (optional), each a
 *     file or a directory with one file; CSV with the label first and no header, or LibSVM.</li>
 * <li>model: written to {@code $SM_MODEL_DIR/xgboost-model}.</li>
 * <li>stdout: one XGBoost evaluation line per round, {@code [i]\ttrain-<m>:<v>\tvalidation-<m>:<v>}.</li>
 * <li>exit code: 0 success; 2 bad input (message names the hyperparameter, variable or file);
 *     1 XGBoost or I/O failure. The reason is the last line on stderr.</li>
 * </ul>
 *
 * <p>It deliberately uses nothing but XGBoost4J and the JDK, so the JVM starts quickly: with many short
 * jobs, start-up time is tuning time.
 */
public final class TrainingMain {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    private TrainingMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The whole program without {@code System.exit}, so tests can run it in-process too. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        NativeLibraryCache.preload();
        try {
            TrainingSettings settings = TrainingSettings.from(Hyperparameters.resolve(args, env));
            Path modelDir = modelDirectory(env);
            DataChannel train = DataChannel.fromEnvironment(RoundByRoundTraining.TRAIN, env, settings.contentType())
                    .orElseThrow(() -> new UsageException(DataChannel.environmentVariable(RoundByRoundTraining.TRAIN)
                            + " is not set: the train channel (a data file or a directory holding one) is required"));
            Optional<DataChannel> validation =
                    DataChannel.fromEnvironment(RoundByRoundTraining.VALIDATION, env, settings.contentType());

            DMatrix trainData = load(train);
            DMatrix validationData = validation.isPresent() ? load(validation.get()) : null;
            describe(train, trainData, err);
            if (validationData != null) {
                describe(validation.get(), validationData, err);
            }

            Booster booster = RoundByRoundTraining.train(settings, trainData, validationData, out);
            ModelFiles.save(booster, modelDir);
            return EXIT_OK;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (XGBoostError e) {
            err.println("XGBoost error: " + XGBoostMessages.oneLine(e));
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("I/O error: " + e);
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
            return EXIT_FAILURE;
        }
    }

    private static Path modelDirectory(Map<String, String> env) throws UsageException {
        String dir = env.get("SM_MODEL_DIR");
        if (dir == null || dir.isBlank()) {
            throw new UsageException("SM_MODEL_DIR is not set: it names the directory to write xgboost-model to");
        }
        return Path.of(dir);
    }

    /** A file XGBoost cannot parse is bad input, so it exits 2 like a missing file does. */
    private static DMatrix load(DataChannel channel) throws UsageException {
        String variable = DataChannel.environmentVariable(channel.name());
        DMatrix data;
        try {
            data = NativeData.load(channel.file(), channel.contentType(), true);
        } catch (UsageException e) {
            throw new UsageException(variable + ": " + e.getMessage());
        } catch (XGBoostError e) {
            throw new UsageException(variable + ": XGBoost cannot read " + channel.file() + " as "
                    + channel.contentType().mimeType() + ": " + XGBoostMessages.oneLine(e));
        }
        try {
            if (data.rowNum() == 0) {
                throw new UsageException(variable + ": " + channel.file() + " holds no rows");
            }
        } catch (XGBoostError e) {
            throw new UsageException(variable + ": cannot count the rows of " + channel.file() + ": " + XGBoostMessages.oneLine(e));
        }
        return data;
    }

    private static void describe(DataChannel channel, DMatrix data, PrintStream err) throws XGBoostError {
        err.println(channel.name() + ": " + channel.file() + " (" + channel.contentType().mimeType() + "), "
                + data.rowNum() + " rows");
    }
}
