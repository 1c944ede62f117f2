package dev.hpo.engine.pipeline;

import dev.hpo.engine.launch.LaunchRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Moves a launch request from the machine that runs the tuner to the one that runs the training job.
 * The tuner keeps its store where it runs (in Jenkins: the build's directory on the controller) and
 * prepares each job directory there; the training job runs in a directory of the same layout on
 * the agent, so every path inside the tuner's tuning job directory is rewritten to the agent's.
 *
 * @param local  the tuning job's directory where the tuner runs
 * @param remote the same directory where the training jobs run, as that machine names it
 */
public record JobRelocation(Path local, String remote) {

    /** The request as the agent should run it. */
    public record Relocated(String trainingJobName, List<String> command, String workingDirectory, Map<String, String> environment,
                            String logFile, List<String> directories, Map<String, Path> files) {
    }

    /** Also lists the files the tuner prepared in the job directory (its input config), to be copied over. */
    public Relocated relocate(LaunchRequest request) throws IOException {
        List<String> command = new ArrayList<>();
        request.command().forEach(argument -> command.add(relocate(argument)));
        Map<String, String> environment = new LinkedHashMap<>();
        request.environment().forEach((name, value) -> environment.put(name, relocate(value)));
        List<String> directories = new ArrayList<>();
        for (String variable : List.of("SM_MODEL_DIR", "SM_OUTPUT_DATA_DIR", "SM_INPUT_CONFIG_DIR")) {
            if (environment.containsKey(variable)) {
                directories.add(environment.get(variable));
            }
        }
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(request.workingDirectory())) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.equals(request.logFile())).sorted().toList()) {
                files.put(relocate(file.toString()), file);
            }
        }
        return new Relocated(request.trainingJobName(), command, relocate(request.workingDirectory().toString()), environment,
                relocate(request.logFile().toString()), directories, files);
    }

    /** The agent's name for a path under the local tuning job directory; anything else unchanged. */
    public String relocate(String value) {
        String prefix = local.toString();
        if (value.equals(prefix)) {
            return remote;
        }
        if (value.startsWith(prefix + "/")) {
            return remote + value.substring(prefix.length());
        }
        return value;
    }

    /** The local path a remote path under the tuning job directory stands for, such as a training job's directory. */
    public String remoteOf(Path localPath) {
        return relocate(localPath.toString());
    }
}
