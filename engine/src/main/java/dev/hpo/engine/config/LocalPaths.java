package dev.hpo.engine.config;

import java.nio.file.Path;

/**
 * Where SageMaker names S3 we take local paths: plain, or file:// URIs. Relative paths are resolved
 * against the config file's directory, so a config works from whatever directory it is run in.
 */
final class LocalPaths {
    private LocalPaths() {
    }

    static boolean isRemote(String location) {
        return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !location.startsWith("file://");
    }

    static Path resolve(Path base, String location) {
        String local = location.startsWith("file://") ? location.substring("file://".length()) : location;
        Path path = Path.of(local);
        return (path.isAbsolute() ? path : base.resolve(path)).normalize();
    }
}
