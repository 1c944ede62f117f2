package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The many ways input can be wrong, checked through {@link TrainingMain#run} without a JVM per case. */
class TrainingMainInProcessTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainingMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path tinyCsv(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "1,0.5,3\n0,0.1,2\n1,0.9,1\n0,0.2,5\n1,0.7,2\n0,0.3,4\n");
    }

    private Map<String, String> env(Object train) {
        Map<String, String> env = new HashMap<>();
        env.put("SM_CHANNEL_TRAIN", train.toString());
        env.put("SM_MODEL_DIR", dir.resolve("model").toString());
        return env;
    }

    private void assertBadInput(Outcome o, String... named) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        for (String n : named) {
            assertTrue(o.err().contains(n), "'" + n + "' in: " + o.err());
        }
    }

    @Test
    void trainsInProcessToo() throws Exception {
        Outcome o = run(env(tinyCsv("t.csv")), "--num_round", "2", "--objective", "binary:logistic",
                "--min_child_weight", "0", "--eval_metric", "logloss");
        assertEquals(0, o.code(), o.err());
        assertEquals(2, o.out().lines().count(), o.out());
        assertTrue(o.out().startsWith("[0]\ttrain-logloss:"), o.out());
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve("xgboost-model")));
    }

    @Test
    void modelDirectoryIsRequired() throws Exception {
        Map<String, String> env = env(tinyCsv("t.csv"));
        env.remove("SM_MODEL_DIR");
        assertBadInput(run(env, "--num_round", "1"), "SM_MODEL_DIR");
    }

    @Test
    void channelDirectoryMustHoldExactlyOneFile() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertBadInput(run(env(empty), "--num_round", "1"), "SM_CHANNEL_TRAIN", "no data file");
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(two.resolve("a.csv"), "1,2\n");
        Files.writeString(two.resolve("b.csv"), "1,2\n");
        assertBadInput(run(env(two), "--num_round", "1"), "SM_CHANNEL_TRAIN", "a.csv, b.csv");
    }

    @Test
    void validationChannelProblemsNameTheirVariable() throws Exception {
        Map<String, String> env = env(tinyCsv("t.csv"));
        env.put("SM_CHANNEL_VALIDATION", dir.resolve("missing.csv").toString());
        assertBadInput(run(env, "--num_round", "1"), "SM_CHANNEL_VALIDATION", "missing.csv");
    }

    @Test
    void headerRowsAndEmptyFilesAreBadInput() throws Exception {
        Path header = Files.writeString(dir.resolve("h.csv"), "y,a,b\n1,2,3\n");
        assertBadInput(run(env(header), "--num_round", "1"), "SM_CHANNEL_TRAIN", "header");
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertBadInput(run(env(empty), "--num_round", "1"), "SM_CHANNEL_TRAIN", "empty");
    }

    @Test
    void badContentTypeAndBadSmHps() throws Exception {
        assertBadInput(run(env(tinyCsv("t.csv")), "--num_round", "1", "--content_type", "image/png"), "content_type");
        Map<String, String> env = env(tinyCsv("t.csv"));
        env.put("SM_HPS", "{not json");
        assertBadInput(run(env, "--num_round", "1"), "SM_HPS");
    }

    @Test
    void declaredContentTypeOverridesTheExtension() throws Exception {
        Path svm = Files.writeString(dir.resolve("data.csv"), "1 0:0.5\n0 0:0.1\n1 0:0.9\n0 0:0.2\n");
        Outcome o = run(env(svm), "--num_round", "1", "--content_type", "text/libsvm", "--min_child_weight", "0");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("text/libsvm"), o.err());
    }

    @Test
    void unknownObjectiveIsAnXGBoostError() throws Exception {
        Outcome o = run(env(tinyCsv("t.csv")), "--num_round", "1", "--objective", "no:such");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("XGBoost error: Unknown objective function: `no:such`"), o.err());
    }
}
