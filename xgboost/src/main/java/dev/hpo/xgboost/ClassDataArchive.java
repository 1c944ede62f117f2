package dev.hpo.xgboost;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class data sharing archive (AppCDS) of the training job's JVM: the classes it loads, already
 * parsed and verified, mapped into each new training job instead of read from the jars.
 *
 * <p>Java 17 cannot make one by itself on first use, so this runs the training job once on a few rows
 * with {@code -XX:ArchiveClassesAtExit} (about a second, once) and keeps the result in the user cache
 * under a name derived from the JVM and from each class path entry's path, size and time, so that a
 * rebuilt jar or another JDK gets an archive of its own. A JVM given an archive that does not match
 * ignores it silently, so a stale one costs speed, never correctness.
 */
public final class ClassDataArchive {
    private static final long CREATE_TIMEOUT_SECONDS = 120;

    private ClassDataArchive() {
    }

    /** The archive for {@code java} running {@code classPath}, made now if missing; empty if it cannot be made. */
    public static Optional<Path> forTrainingJob(Path java, String classPath) {
        Optional<Path> directory = UserCache.directory("cds");
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        // the JVM archives classes from jars only
        if (Stream.of(classPath.split(File.pathSeparator)).anyMatch(entry -> !entry.endsWith(".jar"))) {
            return Optional.empty();
        }
        try {
            Path archive = directory.get().resolve(key(java, classPath) + ".jsa");
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return Optional.of(archive);
            }
            Files.createDirectories(directory.get());
            return create(java, classPath, archive) ? Optional.of(archive) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean create(Path java, String classPath, Path archive) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("hpo-cds-");
        Path temp = archive.resolveSibling("." + archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Path train = work.resolve("train.csv");
            Files.writeString(train, sampleRows(), StandardCharsets.US_ASCII);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(TrainingJvm.FLAGS);
            command.add("-XX:ArchiveClassesAtExit=" + temp);
            command.addAll(List.of("-cp", classPath, TrainingMain.class.getName(),
                    "--num_round", "2", "--objective", "binary:logistic", "--eval_metric", "auc", "--nthread", "1"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("output.log").toFile());
            builder.environment().put("SM_CHANNEL_TRAIN", train.toString());
            builder.environment().put("SM_CHANNEL_VALIDATION", train.toString());
            builder.environment().put("SM_MODEL_DIR", work.resolve("model").toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(temp)) {
                return false;
            }
            try {
                Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Enough rows of both classes for a two-round run that loads every class a real job loads. */
    private static String sampleRows() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append(i % 2).append(',').append(i % 7).append(',').append(i * 0.25).append('\n');
        }
        return rows.toString();
    }

    static String key(Path java, String classPath) throws IOException {
        StringBuilder identity = new StringBuilder();
        identity.append(java.toAbsolutePath()).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n')
                .append(String.join(" ", TrainingJvm.FLAGS)).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            identity.append(path.toAbsolutePath());
            if (Files.exists(path)) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                identity.append(' ').append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis());
            }
            identity.append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return "training-jvm-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
