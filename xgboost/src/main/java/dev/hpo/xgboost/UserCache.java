package dev.hpo.xgboost;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The per-user cache directory for files that are expensive to make and safe to lose: the unpacked
 * native library and the class data archive of the training JVM. {@code $XDG_CACHE_HOME/hpo}, else
 * {@code ~/.cache/hpo}; the system property {@value #PROPERTY} moves it, and set to an empty value
 * turns caching off.
 */
final class UserCache {
    static final String PROPERTY = "hpo.cache";

    private UserCache() {
    }

    static Optional<Path> directory(String name) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured).toAbsolutePath().resolve(name));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.isAbsolute() ? Optional.of(base.resolve("hpo").resolve(name)) : Optional.empty();
    }
}
