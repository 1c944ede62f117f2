package dev.hpo.engine.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the config's paths (data channels, the program, its script arguments) are checked before a
 * tuning job starts. The training jobs may run on another machine than the parser, a Jenkins agent
 * for instance, and then the checks must ask that machine, not this one.
 */
public interface PathChecks {

    boolean exists(Path path);

    boolean isRegularFile(Path path);

    boolean isExecutableFile(Path path);

    /** The directories searched for a program named without a slash, in order. */
    List<String> searchPath();

    /** This machine's file system and this process's PATH. */
    PathChecks LOCAL = new PathChecks() {
        @Override
        public boolean exists(Path path) {
            return Files.exists(path);
        }

        @Override
        public boolean isRegularFile(Path path) {
            return Files.isRegularFile(path);
        }

        @Override
        public boolean isExecutableFile(Path path) {
            return Files.isRegularFile(path) && Files.isExecutable(path);
        }

        @Override
        public List<String> searchPath() {
            String path = System.getenv("PATH");
            return path == null ? List.of() : List.of(path.split(File.pathSeparator));
        }
    };
}
