package dev.hpo.engine.launch;

import dev.hpo.engine.metric.LogLineSplitter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each training job as a child process of this JVM. Two reader threads per job copy stdout and
 * stderr into the log file as raw bytes and into the listener as bounded lines, so a job that prints
 * a 100 MB line or binary noise costs a fixed amount of memory.
 */
public final class LocalLauncher implements Launcher {
    /** How long output may keep arriving after the process ended (a child that inherited the pipe). */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(5);
    private static final int MAX_LINE_CHARS = 1 << 20;

    @Override
    public LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(request.command()).directory(request.workingDirectory().toFile());
        builder.environment().putAll(request.environment());
        Files.createDirectories(request.logFile().getParent());
        OutputStream log = new BufferedOutputStream(Files.newOutputStream(request.logFile(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.close();
            throw new IOException("could not start " + request.command().get(0) + ": " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        Thread out = pump(request.trainingJobName() + "-stdout", process.getInputStream(), log, listener, false);
        Thread err = pump(request.trainingJobName() + "-stderr", process.getErrorStream(), log, listener, true);
        return new LocalJob(process, out, err, log);
    }

    private static Thread pump(String name, InputStream in, OutputStream log, OutputListener listener, boolean stderr) {
        Thread thread = new Thread(() -> {
            LogLineSplitter lines = new LogLineSplitter(MAX_LINE_CHARS, line -> listener.onLine(line, stderr));
            byte[] buffer = new byte[1 << 16];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (log) {
                        log.write(buffer, 0, read);
                        log.flush();
                    }
                    lines.feed(buffer, 0, read);
                }
            } catch (IOException streamClosed) {
                // the process is gone; what it printed so far is kept
            } finally {
                lines.finish();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static final class LocalJob implements LaunchedJob {
        private final Process process;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        LocalJob(Process process, Thread out, Thread err, OutputStream log) {
            this.process = process;
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    long deadline = System.nanoTime() + DRAIN_AFTER_EXIT.toNanos();
                    out.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    err.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    synchronized (log) {
                        log.flush();
                        if (!out.isAlive() && !err.isAlive()) {
                            log.close();
                        }
                    }
                    exit.complete(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exit.completeExceptionally(e);
                } catch (IOException e) {
                    exit.complete(process.exitValue());
                }
            }, "wait-" + process.pid());
            waiter.setDaemon(true);
            waiter.start();
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) {
            ProcessTree.terminate(process.toHandle(), grace);
        }
    }

    /** Ends a process and every process it started, gently first. */
    static final class ProcessTree {
        private ProcessTree() {
        }

        static void terminate(ProcessHandle root, Duration grace) {
            List<ProcessHandle> tree = new ArrayList<>();
            root.descendants().forEach(tree::add);
            tree.add(root);
            tree.forEach(ProcessHandle::destroy);
            Thread reaper = new Thread(() -> {
                long deadline = System.nanoTime() + grace.toNanos();
                while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                // children started after the first look are caught here too
                root.descendants().forEach(tree::add);
                tree.forEach(ProcessHandle::destroyForcibly);
            }, "stop-" + root.pid());
            reaper.setDaemon(true);
            reaper.start();
        }
    }
}
