package dev.hpo.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a warm-start parent named in WarmStartConfig lives: a HyperParameterTuningJobName is looked up
 * in the output directory (where this job's directory is made too); anything else is a path.
 */
public final class ParentLocation {
    private ParentLocation() {
    }

    /** @param base the directory relative paths start from; @param output the output directory, or null */
    public static Path of(String name, Path base, Path output) {
        List<Path> places = candidates(name, base, output);
        for (Path place : places) {
            if (Files.isDirectory(place)) {
                return place;
            }
        }
        return places.get(places.size() - 1);
    }

    /** Every directory {@link #of} tries, in its order, so a parent not found can be reported with where it was looked for. */
    public static List<Path> candidates(String name, Path base, Path output) {
        List<Path> places = new ArrayList<>();
        boolean plainName = name.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
        if (plainName && output != null) {
            places.add(output.resolve(name).toAbsolutePath().normalize());
        }
        Path asPath = LocalPaths.resolve(base, name).toAbsolutePath().normalize();
        if (!places.contains(asPath)) {
            places.add(asPath);
        }
        return places;
    }
}
