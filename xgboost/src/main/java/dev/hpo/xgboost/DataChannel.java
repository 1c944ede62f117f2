package dev.hpo.xgboost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One SageMaker data channel ({@code train}, {@code validation}) resolved to a single data file.
 *
 * <p>SageMaker hands a channel over as a directory in {@code SM_CHANNEL_<NAME>}; people running locally
 * tend to point it straight at a file. Both work. A directory must hold exactly one data file, so that
 * a stray second file is an error rather than silently ignored.
 */
public record DataChannel(String name, Path file, ContentType contentType) {

    public static String environmentVariable(String channel) {
        return "SM_CHANNEL_" + channel.toUpperCase(Locale.ROOT);
    }

    /**
     * @param declared the {@code content_type} hyperparameter, if given; otherwise the file's extension
     *                 decides, and failing that its first line
     * @return empty when the environment variable is not set
     */
    public static Optional<DataChannel> fromEnvironment(String channel, Map<String, String> env,
                                                        Optional<ContentType> declared) throws UsageException {
        String variable = environmentVariable(channel);
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(resolve(channel, variable + "=", Path.of(value), declared));
    }

    /** A channel named by its location (a file, or a directory holding one), as a tuning job config gives it. */
    public static DataChannel at(String channel, Path location, Optional<ContentType> declared) throws UsageException {
        return resolve(channel, "channel " + channel + ": ", location, declared);
    }

    private static DataChannel resolve(String channel, String what, Path location, Optional<ContentType> declared) throws UsageException {
        Path file = dataFile(what, location);
        ContentType type;
        try {
            type = declared.isPresent() ? declared.get() : ContentType.of(file);
        } catch (IOException e) {
            throw new UsageException(what + location + ": cannot read " + file + ": " + e.getMessage());
        }
        return new DataChannel(channel, file, type);
    }

    private static Path dataFile(String what, Path path) throws UsageException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(what + path + ": no such file or directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(path)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UsageException(what + path + ": cannot list the directory: " + e.getMessage());
        }
        if (files.size() == 1) {
            return files.get(0);
        }
        if (files.isEmpty()) {
            throw new UsageException(what + path + ": the directory holds no data file");
        }
        throw new UsageException(what + path + ": the directory holds " + files.size()
                + " files (" + files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + "); a channel directory must hold exactly one data file");
    }
}
