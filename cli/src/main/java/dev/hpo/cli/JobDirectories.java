package dev.hpo.cli;

import dev.hpo.engine.store.DirectoryStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the tuning job a command names by its directory. */
final class JobDirectories {
    private JobDirectories() {
    }

    static DirectoryStore open(String argument) throws UsageException {
        Path directory = Path.of(argument);
        if (!Files.isDirectory(directory)) {
            throw new UsageException("'" + argument + "' is not a directory; give a tuning job's directory (<output>/<HyperParameterTuningJobName>)");
        }
        if (!DirectoryStore.holdsTuningJob(directory)) {
            throw new UsageException("'" + argument + "' holds no tuning job (no " + DirectoryStore.TUNING_JOB_FILE + ")");
        }
        return new DirectoryStore(directory);
    }
}
