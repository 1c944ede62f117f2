package dev.hpo.engine.pipeline;

import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.OutputListener;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The block form's launcher: a training job is one run of the step's body, not a process. The tuner
 * does not notice the difference: the body's console lines reach the metric extractor as a process's
 * output would, the body's end is the exit (0 for success, 1 for failure), and stopping a job cancels
 * its body. Each body's output is also kept in the job's log file, as for a process.
 */
public final class BodyLauncher implements Launcher {
    /** What a body prints is also stored, one line per line, up to this much per training job. */
    static final long MAX_LOG_BYTES = 64L << 20;

    private final BodyRunner runner;

    public BodyLauncher(BodyRunner runner) {
        this.runner = runner;
    }

    @Override
    public LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException {
        Files.createDirectories(request.logFile().getParent());
        OutputStream log = Files.newOutputStream(request.logFile(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        OutputListener tee = new OutputListener() {
            private long written;

            @Override
            public void onLine(String line, boolean stderr) {
                synchronized (log) {
                    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    if (written + bytes.length <= MAX_LOG_BYTES) {
                        try {
                            log.write(bytes);
                            written += bytes.length;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                listener.onLine(line, stderr);
            }
        };
        BodyRunner.Ending ending = new BodyRunner.Ending() {
            @Override
            public void succeeded() {
                end(0);
            }

            @Override
            public void failed(String reason) {
                // the tuner quotes the last stderr line in the failure reason
                tee.onLine(reason == null ? "the body failed" : reason, true);
                end(1);
            }

            private void end(int code) {
                synchronized (log) {
                    try {
                        log.close();
                    } catch (IOException ignored) {
                        // the log is best effort; the metrics are already with the tuner
                    }
                }
                exit.complete(code);
            }
        };
        BodyRunner.RunningBody body;
        try {
            body = runner.start(request.trainingJobName(), environment(request), tee, ending);
        } catch (Exception e) {
            log.close();
            throw new IOException("the body for " + request.trainingJobName() + " could not start: " + e.getMessage(), e);
        }
        return new LaunchedJob() {
            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }

            @Override
            public void stop(Duration grace) {
                body.cancel("training job " + request.trainingJobName() + " stopped by the tuner");
            }
        };
    }

    /**
     * The script-mode variables that make sense wherever the body runs: the hyperparameters and the job's
     * name. Directories prepared by the tuner are not passed, because the body may run on another agent,
     * nor the tuner's share of its own cores as OMP_NUM_THREADS: the body's node has cores of its own.
     */
    static Map<String, String> environment(LaunchRequest request) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : request.environment().entrySet()) {
            String name = entry.getKey();
            boolean scriptMode = name.startsWith("SM_");
            if (name.equals("SM_HPS") || name.startsWith("SM_HP_") || name.equals("SM_TRAINING_JOB_NAME")
                    || !scriptMode && !name.equals("OMP_NUM_THREADS")) {
                environment.put(name, entry.getValue());
            }
        }
        environment.put("HPO_TRAINING_JOB_NAME", request.trainingJobName());
        environment.put("HPO_ARGS", shellArguments(request.command()));
        return environment;
    }

    /** The hyperparameter arguments ({@code --name value}), each quoted for a POSIX shell. */
    static String shellArguments(List<String> command) {
        StringBuilder text = new StringBuilder();
        // the command's first element is the placeholder program; the rest are --name value pairs
        for (String argument : command.subList(Math.min(1, command.size()), command.size())) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append('\'').append(argument.replace("'", "'\\''")).append('\'');
        }
        return text.toString();
    }
}
