package dev.hpo.engine.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a launcher needs to start one training job.
 *
 * @param environment variables added to the launcher's own environment
 * @param logFile where everything the job prints is kept, byte for byte
 */
public record LaunchRequest(String trainingJobName, List<String> command, Path workingDirectory,
                            Map<String, String> environment, Path logFile) {
    public LaunchRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
