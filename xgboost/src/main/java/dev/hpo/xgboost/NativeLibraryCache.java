package dev.hpo.xgboost;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;

/**
 * Loads XGBoost4J's native library from a per-user cache rather than from inside its jar.
 *
 * <p>XGBoost4J unpacks its 18 MB library from the jar into a new temporary file every time a JVM
 * starts, which is about 130 ms of every training job (as long as the training itself) and leaves an
 * 18 MB file in the temporary directory whenever a job is killed. Here the first process copies the
 * library once to {@code <user cache>/xgboost4j/<crc>-<size>/} (see {@link UserCache}); every
 * later process loads that file in about 2 ms. The directory name comes from the jar entry's checksum,
 * so another XGBoost4J version gets a copy of its own.
 *
 * <p>It works by loading the library itself and then marking XGBoost4J's loader as done. Whenever
 * anything is not as expected (another platform, another XGBoost4J layout, no writable cache,
 * {@code xgboostruntime.native.xgboost4j} set by the user), it does nothing and XGBoost4J loads its
 * library its own way.
 */
final class NativeLibraryCache {
    private static final String LOADER_CLASS = "ml.dmlc.xgboost4j.java.NativeLibLoader";
    private static final String LIBRARY = "xgboost4j";
    private static boolean attempted;

    private NativeLibraryCache() {
    }

    /** Call before the first use of XGBoost4J; later calls do nothing. */
    static synchronized void preload() {
        if (attempted) {
            return;
        }
        attempted = true;
        try {
            load();
        } catch (IOException | ReflectiveOperationException | URISyntaxException | RuntimeException | LinkageError e) {
            // XGBoost4J's own loader still runs on first use; it only costs time
        }
    }

    private static void load() throws IOException, ReflectiveOperationException, URISyntaxException {
        if (System.getProperty("xgboostruntime.native." + LIBRARY) != null) {
            return;
        }
        String platform = platform();
        Path cacheRoot = UserCache.directory(LIBRARY).orElse(null);
        if (platform == null || cacheRoot == null) {
            return;
        }
        ClassLoader loader = NativeLibraryCache.class.getClassLoader();
        Class<?> loaderClass = Class.forName(LOADER_CLASS, false, loader);
        // The library must belong to the class loader that holds XGBoostJNI, or its native methods would not find it.
        if (loaderClass.getClassLoader() != loader) {
            return;
        }
        Field initialized = loaderClass.getDeclaredField("initialized");
        if (initialized.getType() != boolean.class || !Modifier.isStatic(initialized.getModifiers())) {
            return;
        }
        initialized.setAccessible(true);

        String resource = "/lib/" + platform + "/" + System.mapLibraryName(LIBRARY);
        URL url = loaderClass.getResource(resource);
        if (url == null) {
            return;
        }
        Path library;
        if (url.getProtocol().equals("file")) {
            library = Path.of(url.toURI());
        } else {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return;
            }
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() <= 0) {
                return;
            }
            Path directory = cacheRoot.resolve(String.format(Locale.ROOT, "%08x-%d", entry.getCrc(), entry.getSize()));
            library = directory.resolve(System.mapLibraryName(LIBRARY));
            if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
                copy(connection, directory, library, entry.getSize());
            }
        }
        System.load(library.toAbsolutePath().toString());
        initialized.setBoolean(null, true);
    }

    /** Through a temporary file and a rename, so that a process never loads half a library. */
    private static void copy(URLConnection source, Path directory, Path library, long size) throws IOException {
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + library.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (InputStream in = source.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(temp) != size) {
                throw new IOException("copied " + Files.size(temp) + " bytes of " + size);
            }
            try {
                Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** XGBoost4J's name for this platform, for the platforms this has been checked on. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux/x86_64";
            case "aarch64", "arm64" -> "linux/aarch64";
            default -> null;
        };
    }
}
