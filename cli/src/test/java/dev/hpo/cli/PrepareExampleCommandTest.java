package dev.hpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareExampleCommandTest {
    @TempDir
    Path example;

    @Test
    void aSeedPandasCannotTakeIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Files.write(example.resolve("bank-additional-full.csv.gz"), new byte[] {0x1f, (byte) 0x8b});
        for (String seed : List.of("-1", "4294967296", "12x")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(List.of("prepare-bank-marketing", example.toString(), "--seed", seed));
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, message);
            assertTrue(message.contains("--seed must be a whole number from 0 to 4294967295, not '" + seed + "'"), message);
        }
        assertFalse(Files.exists(example.resolve("data")));
    }
}
