package dev.hpo.engine.launch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A launcher without processes: each training job's log is a script computed from its
 * hyperparameters, replayed line by line. It lets the tuner, strategies and benchmarks run thousands of
 * training jobs in seconds, deterministically, through the same loop that real jobs go through.
 */
public final class SimulatedLauncher implements Launcher {

    /**
     * What a simulated job prints and how it exits: {@code lines} on stdout, then {@code stderrLines} on
     * stderr. {@code hangs} jobs run until stopped.
     */
    public record Script(List<String> lines, List<String> stderrLines, int exitCode, boolean hangs) {
        public static Script of(int exitCode, String... lines) {
            return new Script(List.of(lines), List.of(), exitCode, false);
        }

        public static Script hanging(String... lines) {
            return new Script(List.of(lines), List.of(), 0, true);
        }

        public Script withStderr(String... lines) {
            return new Script(this.lines, List.of(lines), exitCode, hangs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<Map<String, String>, Script> scripts;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "simulated-training-job");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final AtomicInteger launched = new AtomicInteger();

    private final boolean inline;

    /** @param scripts from a job's hyperparameters (all of them, as the job would receive them) to its log */
    public SimulatedLauncher(Function<Map<String, String>, Script> scripts) {
        this(scripts, false);
    }

    private SimulatedLauncher(Function<Map<String, String>, Script> scripts, boolean inline) {
        this.scripts = scripts;
        this.inline = inline;
    }

    /**
     * Jobs that end before {@code launch} returns (all but hanging ones). The tuner then finds every job
     * it started in one pass ended when it next looks, so a parallel run is made of whole batches:
     * with N slots, each batch's suggestions see 0, 1, ... N-1 jobs running, the same on every run.
     * Timing decides nothing, which makes parallel benchmarks as reproducible as sequential ones.
     */
    public static SimulatedLauncher inline(Function<Map<String, String>, Script> scripts) {
        return new SimulatedLauncher(scripts, true);
    }

    @Override
    public LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException {
        Map<String, String> hyperParameters = JSON.readValue(request.environment().get("SM_HPS"), new TypeReference<>() { });
        Script script = scripts.apply(hyperParameters);
        launched.incrementAndGet();
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Runnable replay = () -> {
            try {
                StringBuilder log = new StringBuilder();
                boolean stoppedEarly = false;
                for (String line : script.lines()) {
                    listener.onLine(line, false);
                    log.append(line).append('\n');
                    if (stopped.isDone()) {
                        // like a process that got SIGTERM: it prints no more
                        stoppedEarly = true;
                        break;
                    }
                }
                for (String line : script.stderrLines()) {
                    listener.onLine(line, true);
                    log.append(line).append('\n');
                }
                Files.writeString(request.logFile(), log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                int code = stoppedEarly ? 143 : script.exitCode();
                if (script.hangs() && !stoppedEarly) {
                    stopped.join();
                    code = 143;
                }
                running.decrementAndGet();
                exit.complete(code);
            } catch (IOException e) {
                running.decrementAndGet();
                exit.completeExceptionally(new UncheckedIOException(e));
            }
        };
        if (inline && !script.hangs()) {
            replay.run();
        } else {
            executor.execute(replay);
        }
        return new LaunchedJob() {
            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }

            @Override
            public void stop(Duration grace) {
                stopped.complete(null);
            }
        };
    }

    /** The largest number of jobs that ran at once. */
    public int mostRunning() {
        return mostRunning.get();
    }

    public int launched() {
        return launched.get();
    }
}
