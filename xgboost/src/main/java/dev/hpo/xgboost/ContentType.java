package dev.hpo.xgboost;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The two text formats that SageMaker's built-in XGBoost trains on: CSV with the label in the first
 * column and no header, and LibSVM ({@code label idx:value ...}, zero-based indices).
 */
public enum ContentType {
    CSV("text/csv"),
    LIBSVM("text/libsvm");

    private final String mimeType;

    ContentType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /**
     * Parses the {@code content_type} hyperparameter. Accepts SageMaker's MIME types (with or without
     * parameters such as {@code ;label_size=1}) and the bare words {@code csv} and {@code libsvm}.
     */
    public static ContentType parse(String value) throws UsageException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int semicolon = v.indexOf(';');
        if (semicolon >= 0) {
            v = v.substring(0, semicolon).trim();
        }
        switch (v) {
            case "csv", "text/csv":
                return CSV;
            case "libsvm", "text/libsvm", "text/x-libsvm", "application/x-libsvm":
                return LIBSVM;
            default:
                throw new UsageException("hyperparameter content_type must be text/csv or text/libsvm, got '" + value + "'");
        }
    }

    /** From the file name's extension, when it says: .csv, .libsvm or .svm. */
    public static Optional<ContentType> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".libsvm") || name.endsWith(".svm")) {
            return Optional.of(LIBSVM);
        }
        return Optional.empty();
    }

    /** From the extension, or failing that from the first line. */
    public static ContentType of(Path file) throws IOException {
        Optional<ContentType> byName = fromFileName(file);
        return byName.isPresent() ? byName.get() : sniff(file);
    }

    /**
     * Guesses from the first non-empty line: LibSVM lines hold {@code index:value} pairs, CSV lines
     * hold commas. A single column of numbers reads the same either way; it is taken as CSV.
     */
    public static ContentType sniff(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line.contains(":") && !line.contains(",") ? LIBSVM : CSV;
                }
            }
        }
        return CSV;
    }

    /**
     * The URI for XGBoost's native text loader, which parses in C++ and so is several times faster
     * than reading the numbers in Java. {@code labelFirst} applies to CSV only; a LibSVM line always
     * starts with its label.
     */
    String nativeUri(Path file, boolean labelFirst) {
        String path = file.toAbsolutePath().toString();
        if (this == LIBSVM) {
            return path + "?format=libsvm";
        }
        return labelFirst ? path + "?format=csv&label_column=0" : path + "?format=csv";
    }
}
