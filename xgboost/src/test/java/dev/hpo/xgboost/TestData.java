package dev.hpo.xgboost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Shared fixtures: the shipped raw bank file, prepared once per test JVM, and small slices of it. */
final class TestData {
    static final String RAW = "examples/bank-marketing/bank-additional-full.csv.gz";

    private static Path prepared;

    private TestData() {
    }

    /** The shipped raw file, found by walking up from the module directory surefire runs in. */
    static Path raw() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(RAW);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(RAW + " not found above " + Path.of("").toAbsolutePath());
    }

    /** train/validation/test.csv prepared with the default seed into a directory removed at exit. */
    static synchronized Path prepared() throws IOException {
        if (prepared == null) {
            Path dir = temporaryDirectory("bank-prepared");
            BankMarketingPreparation.prepare(raw(), dir, BankMarketingPreparation.DEFAULT_SEED);
            prepared = dir;
        }
        return prepared;
    }

    /** The first {@code rows} lines of a prepared split, written to {@code target}. */
    static Path slice(String split, int rows, Path target) throws IOException {
        try (Stream<String> lines = Files.lines(prepared().resolve(split))) {
            List<String> head = lines.limit(rows).toList();
            Files.createDirectories(target.getParent());
            Files.write(target, head);
        }
        return target;
    }

    static Path temporaryDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        return dir;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
