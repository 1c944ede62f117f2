package dev.hpo.xgboost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.java.XGBoostJNI;

/**
 * Loads a data file into a DMatrix with XGBoost's own text parser (CSV files once per file version:
 * see {@link ParsedDataCache}).
 *
 * <p>Everything that reads data for training, evaluation or prediction goes through here, so the same
 * bytes always become the same floats: that is what lets a re-evaluated model reproduce exactly the
 * metric that training printed.
 */
public final class NativeData {
    private static final Pattern VERBOSITY = Pattern.compile("\"verbosity\"\\s*:\\s*(\\d+)");

    private NativeData() {
    }

    /** Loads a file whose format is told by its extension or, failing that, its first line. */
    public static DMatrix load(Path file, boolean csvLabelFirst) throws UsageException, XGBoostError {
        return load(file, contentType(file), csvLabelFirst);
    }

    /** The file's format from its extension or first line, after checking that it exists. */
    public static ContentType contentType(Path file) throws UsageException {
        requireFile(file);
        try {
            return ContentType.of(file);
        } catch (IOException e) {
            throw new UsageException("data file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** @param labelFirst for CSV: whether the first column is the label rather than a feature */
    public static DMatrix load(Path file, ContentType type, boolean labelFirst) throws UsageException, XGBoostError {
        NativeLibraryCache.preload();
        requireFile(file);
        String previous = quiet();
        try {
            if (type != ContentType.CSV) {
                return new DMatrix(type.nativeUri(file, labelFirst));
            }
            Optional<Path> parsed = ParsedDataCache.lookup(file, labelFirst);
            if (parsed.isPresent()) {
                try {
                    return new DMatrix(parsed.get().toString());
                } catch (XGBoostError unreadable) {
                    // parse the text again below
                }
            }
            try {
                CsvCheck.check(file, labelFirst);
            } catch (IOException e) {
                throw new UsageException("data file " + file + " cannot be read: " + e.getMessage());
            }
            DMatrix matrix = new DMatrix(type.nativeUri(file, labelFirst));
            ParsedDataCache.store(file, labelFirst, matrix);
            return matrix;
        } finally {
            restore(previous);
        }
    }

    private static void requireFile(Path file) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("data file " + file + " does not exist or is not a regular file");
        }
        String path = file.toAbsolutePath().toString();
        // dmlc's URI syntax gives '?' (options) and '#' (cache file) a meaning of their own.
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw new UsageException("data file " + file + ": XGBoost's loader cannot read paths containing '?' or '#'; rename it");
        }
        try {
            if (Files.size(file) == 0) {
                throw new UsageException("data file " + file + " is empty");
            }
        } catch (IOException e) {
            throw new UsageException("data file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Text file input is deprecated since XGBoost 3.1 and says so on every load; we chose it on purpose. */
    private static String quiet() {
        String[] config = new String[1];
        if (XGBoostJNI.XGBGetGlobalConfig(config) != 0 || config[0] == null) {
            return null;
        }
        Matcher m = VERBOSITY.matcher(config[0]);
        if (!m.find() || m.group(1).equals("0")) {
            return null;
        }
        XGBoostJNI.XGBSetGlobalConfig("{\"verbosity\":0}");
        return m.group(1);
    }

    private static void restore(String verbosity) {
        if (verbosity != null) {
            XGBoostJNI.XGBSetGlobalConfig("{\"verbosity\":" + verbosity + "}");
        }
    }
}
