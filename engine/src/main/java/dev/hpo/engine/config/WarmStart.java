package dev.hpo.engine.config;

import java.nio.file.Path;
import java.util.List;

/** WarmStartConfig with each parent resolved to the directory that holds it (checked to be a finished tuning job). */
public record WarmStart(WarmStartType type, List<Path> parents) {

    public WarmStart {
        parents = List.copyOf(parents);
    }
}
