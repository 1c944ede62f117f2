package dev.hpo.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a warm-start parent named in WarmStartConfig lives: a HyperParameterTuningJobName is looked up
 * in the output directory (where this job's directory is made too); anything else is a path.
 */
public final class ParentLocation {
    private ParentLocation() {
    }

    /** @param base the directory relative paths start from; @param output the output directory, or null */
    public static Path of(String name, Path base, Path output) {
        boolean plainName = name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
        if (plainName && output != null && Files.isDirectory(output.resolve(name))) {
            return output.resolve(name).toAbsolutePath().normalize();
        }
        return LocalPaths.resolve(base, name).toAbsolutePath().normalize();
    }
}
