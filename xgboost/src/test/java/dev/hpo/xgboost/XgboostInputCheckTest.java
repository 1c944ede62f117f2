package dev.hpo.xgboost;

import dev.hpo.engine.config.Channel;
import dev.hpo.engine.validation.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks run once before a tuning job's first training job, on real files and real XGBoost. */
class XgboostInputCheckTest {
    private static final String PARAMS_PATH = "TrainingJobDefinition.StaticHyperParameters";

    @TempDir
    Path directory;

    private Path csv(String name, int rows, int features, int label) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            text.append(r % 2 == 0 ? 0 : label);
            for (int f = 0; f < features; f++) {
                text.append(',').append((r * 7 + f * 3) % 11);
            }
            text.append('\n');
        }
        return Files.writeString(directory.resolve(name), text);
    }

    private static Map<String, String> hyperParameters(String... extra) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("num_round", "10", "objective", "binary:logistic",
                "eval_metric", "auc", "eta", "0.5", "_tuning_objective_metric", "validation:auc"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return values;
    }

    private static List<ConfigProblem> check(Map<String, String> hyperParameters, Channel... channels) {
        Map<Channel, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < channels.length; i++) {
            paths.put(channels[i], "TrainingJobDefinition.InputDataConfig[" + i + "]");
        }
        return new XgboostInputCheck().check(paths, hyperParameters, PARAMS_PATH);
    }

    private static void assertOneProblem(List<ConfigProblem> problems, String path, String words) {
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(path, problems.get(0).fieldPath(), problems.toString());
        assertTrue(problems.get(0).message().contains(words), problems.get(0).message());
    }

    @Test
    void goodDataAndHyperparametersPass() throws IOException {
        assertEquals(List.of(), check(hyperParameters(), new Channel("train", csv("train.csv", 40, 5, 1), "text/csv"),
                new Channel("validation", csv("validation.csv", 20, 5, 1), null)));
    }

    @Test
    void aHeaderRowIsFoundBeforeAnyJob() throws IOException {
        Path file = directory.resolve("header.csv");
        Files.writeString(file, "y,a,b\n1,2,3\n0,1,1\n");
        assertOneProblem(check(hyperParameters(), new Channel("train", file, null)), "TrainingJobDefinition.InputDataConfig[0]",
                "header row");
    }

    @Test
    void validationMustHaveTheTrainingWidthWhereverItIsListed() throws IOException {
        Channel validation = new Channel("validation", csv("validation.csv", 20, 3, 1), null);
        Channel train = new Channel("train", csv("train.csv", 40, 5, 1), null);
        assertOneProblem(check(hyperParameters(), validation, train), "TrainingJobDefinition.InputDataConfig[0]", "has 4 columns");
    }

    @Test
    void aDeclaredContentTypeMustBeWhatTheFileIs() throws IOException {
        assertOneProblem(check(hyperParameters(), new Channel("train", csv("train.csv", 40, 5, 1), "text/libsvm")),
                "TrainingJobDefinition.InputDataConfig[0].ContentType", "reads as text/csv");
        assertOneProblem(check(hyperParameters(), new Channel("train", csv("train.csv", 40, 5, 1), "application/x-parquet")),
                "TrainingJobDefinition.InputDataConfig[0].ContentType", "use text/csv or text/libsvm");
    }

    @Test
    void anEmptyFileOrDirectory() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.csv"), "");
        assertOneProblem(check(hyperParameters(), new Channel("train", empty, null)), "TrainingJobDefinition.InputDataConfig[0]", "is empty");
        Path emptyDirectory = Files.createDirectories(directory.resolve("nothing"));
        assertOneProblem(check(hyperParameters(), new Channel("train", emptyDirectory, null)), "TrainingJobDefinition.InputDataConfig[0]",
                "holds no data file");
    }

    @Test
    void xgboostItselfJudgesTheHyperparameters() throws IOException {
        Channel train = new Channel("train", csv("train.csv", 40, 5, 1), null);
        assertOneProblem(check(hyperParameters("subsample", "abc"), train), PARAMS_PATH, "subsample");
        assertOneProblem(check(hyperParameters("eval_metric", "no_such_metric"), train), PARAMS_PATH, "no_such_metric");
        assertOneProblem(check(hyperParameters("num_round", "0"), train), PARAMS_PATH, "num_round");
        // labels outside {0, 1} under a logistic objective: XGBoost says so on the sample
        assertOneProblem(check(hyperParameters(), new Channel("train", csv("labels.csv", 40, 5, 2), null)), PARAMS_PATH, "label");
    }
}
