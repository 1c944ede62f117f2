package dev.hpo.xgboost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import ml.dmlc.xgboost4j.java.DMatrix;

/**
 * CSV files that have been checked and parsed once, kept in XGBoost's binary DMatrix format in the user
 * cache. Every training job of a tuning job reads the same train and validation files; checking and
 * parsing the bank data's 4.5 MB of text costs each one about 150 ms, reading the binary form about 15.
 *
 * <p>An entry is named after the file's absolute path, size, modification time and file key, and whether
 * its first column is the label, so any change to the file misses the cache. An entry exists only if
 * {@link CsvCheck} passed, and it holds the floats XGBoost's own parser produced, so a cached load gives
 * exactly the matrix a fresh one would. The oldest entries go when there are more than {@value #KEEP}.
 */
final class ParsedDataCache {
    static final int KEEP = 16;
    private static final String SUFFIX = ".dmatrix";

    private ParsedDataCache() {
    }

    /** The cached binary matrix of this file version, if there is one. */
    static Optional<Path> lookup(Path csv, boolean labelFirst) {
        try {
            Optional<Path> entry = entry(csv, labelFirst);
            return entry.filter(Files::isRegularFile);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code parsed}, which was just checked and parsed from {@code csv}; failures only cost the next job time. */
    static void store(Path csv, boolean labelFirst, DMatrix parsed) {
        try {
            Optional<Path> entry = entry(csv, labelFirst);
            if (entry.isEmpty()) {
                return;
            }
            Path target = entry.get();
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                parsed.saveBinary(temp.toString());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            evict(target.getParent());
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation
        }
    }

    private static Optional<Path> entry(Path csv, boolean labelFirst) throws IOException {
        Optional<Path> directory = UserCache.directory("data");
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path absolute = csv.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        String identity = absolute + "\n" + attributes.size() + "\n" + attributes.lastModifiedTime().toInstant() + "\n"
                + attributes.fileKey() + "\n" + labelFirst + "\n" + DMatrix.class.getPackage().getImplementationVersion();
        return Optional.of(directory.get().resolve(hash(identity) + SUFFIX));
    }

    private static void evict(Path directory) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            listing.forEach(entries::add);
        }
        if (entries.size() <= KEEP) {
            return;
        }
        entries.sort(Comparator.comparing(ParsedDataCache::modified));
        for (Path old : entries.subList(0, entries.size() - KEEP)) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
