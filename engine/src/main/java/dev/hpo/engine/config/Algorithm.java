package dev.hpo.engine.config;

import java.util.List;

/**
 * What a training job runs: a built-in algorithm by name (AlgorithmSpecification.AlgorithmName), or
 * any program (ContainerEntrypoint plus ContainerArguments) run in the training job's directory.
 */
public record Algorithm(String builtInName, List<String> command) {

    public Algorithm {
        command = List.copyOf(command);
    }

    public static Algorithm builtIn(String name) {
        return new Algorithm(name, List.of());
    }

    public static Algorithm program(List<String> command) {
        return new Algorithm(null, command);
    }

    public boolean isBuiltIn() {
        return builtInName != null;
    }
}
