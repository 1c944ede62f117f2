package dev.hpo.engine.config;

import java.nio.file.Path;

/** A data channel (InputDataConfig entry) resolved to a local file or directory. */
public record Channel(String name, Path path, String contentType) {
}
