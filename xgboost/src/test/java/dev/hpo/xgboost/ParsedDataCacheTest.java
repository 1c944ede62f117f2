package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV parsed once trains exactly like one parsed fresh, and any change to the file is seen. */
class ParsedDataCacheTest {
    @TempDir
    Path dir;
    private String previousCache;

    @BeforeEach
    void privateCache() {
        previousCache = System.getProperty(UserCache.PROPERTY);
        System.setProperty(UserCache.PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (previousCache == null) {
            System.clearProperty(UserCache.PROPERTY);
        } else {
            System.setProperty(UserCache.PROPERTY, previousCache);
        }
    }

    private String train(Path train, Path validation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("SM_CHANNEL_TRAIN", train.toString(), "SM_CHANNEL_VALIDATION", validation.toString(),
                "SM_MODEL_DIR", dir.resolve("model").toString());
        int code = TrainingMain.run(new String[] {"--num_round", "20", "--objective", "binary:logistic", "--eval_metric", "auc",
                "--max_depth", "4", "--seed", "0", "--nthread", "1"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private long entries() throws Exception {
        Path data = dir.resolve("cache").resolve("data");
        if (!Files.isDirectory(data)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.toString().endsWith(".dmatrix")).count();
        }
    }

    @Test
    void aCachedMatrixTrainsExactlyLikeTheText() throws Exception {
        Path train = TestData.slice("train.csv", 3000, dir.resolve("train.csv"));
        Path validation = TestData.slice("validation.csv", 1000, dir.resolve("validation.csv"));

        System.setProperty(UserCache.PROPERTY, "");
        String uncached = train(train, validation);
        assertEquals(0, entries());

        System.setProperty(UserCache.PROPERTY, dir.resolve("cache").toString());
        String first = train(train, validation);
        assertEquals(2, entries());
        String cached = train(train, validation);

        assertEquals(uncached, first);
        assertEquals(uncached, cached);
        assertEquals(20, cached.lines().count());
    }

    @Test
    void aChangedFileIsCheckedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "1,0.5,3\n0,0.1,2\n1,0.9,1\n0,0.2,5\n");
        assertEquals(4, NativeData.load(file, ContentType.CSV, true).rowNum());
        assertEquals(1, entries());

        // same size, new content: a header slipped in
        Files.writeString(file, "y,a,b\n0,0.1,2\n1,0.9,1\n0,0.2,5\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> NativeData.load(file, ContentType.CSV, true));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertEquals(1, entries());
    }
}
