package dev.hpo.engine.launch;

import dev.hpo.engine.metric.LogLineSplitter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each training job as a child process of this JVM, in a session and process group of its own
 * ({@code setsid}), so stopping it reaches every process the script started, and Ctrl-C in the
 * terminal reaches the tuner alone (which then stops the jobs and records them). Two reader threads
 * per job copy stdout and stderr into the log file as raw bytes and into the listener as bounded
 * lines, so a job that prints a 100 MB line or binary noise costs a fixed amount of memory.
 */
public final class LocalLauncher implements Launcher {
    /** Where the launcher notes a job's process, so a later tuner can end it if this one dies. */
    public static final String PROCESS_FILE = "process.pid";
    /** How long output may keep arriving after the process ended (a child that inherited the pipe). */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(5);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(2);
    private static final int MAX_LINE_CHARS = LogLineSplitter.DEFAULT_MAX_LINE_CHARS;
    private static final String SETSID = findSetsid();

    @Override
    public LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException {
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            command.add(SETSID);
        }
        command.addAll(request.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(request.workingDirectory().toFile());
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
        writeProcessFile(request.workingDirectory(), process.toHandle());
        process.getOutputStream().close();
        Thread out = pump(request.trainingJobName() + "-stdout", process.getInputStream(), log, listener, false);
        Thread err = pump(request.trainingJobName() + "-stderr", process.getErrorStream(), log, listener, true);
        return new LocalJob(process, out, err, log);
    }

    @Override
    public void reclaim(Path trainingJobDirectory) throws IOException {
        String text;
        try {
            text = Files.readString(trainingJobDirectory.resolve(PROCESS_FILE), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return;
        }
        String[] parts = text.split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return;
        }
        String started = parts.length > 1 ? parts[1] : "";
        // a recycled pid belongs to someone else: only the process that started at the noted instant is ours
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process != null && ProcStat.running(pid) && startInstant(process).equals(started)) {
            new ProcessTree(process, ProcStat.of(pid).map(ProcStat::processGroup).filter(g -> g == pid).orElse(-1L))
                    .terminate(LEFTOVER_GRACE);
        } else if (process == null || !ProcStat.running(pid)) {
            // The script itself is gone (a broken pipe once the tuner died, say) but what it started may run on
            // in its group. The kernel hands out no pid that is still a group's id, so a group with the script's
            // pid is the one setsid made for it.
            List<Long> members = ProcStat.members(pid);
            if (!members.isEmpty()) {
                ProcessHandle.of(members.get(0)).ifPresent(member -> new ProcessTree(member, pid).terminate(LEFTOVER_GRACE));
            }
        }
    }

    private static void writeProcessFile(Path directory, ProcessHandle handle) throws IOException {
        Files.writeString(directory.resolve(PROCESS_FILE), handle.pid() + " " + startInstant(handle) + "\n", StandardCharsets.US_ASCII);
    }

    static String startInstant(ProcessHandle handle) {
        return handle == null ? "" : handle.info().startInstant().map(Object::toString).orElse("");
    }

    private static String findSetsid() {
        for (String directory : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(directory, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Thread pump(String name, InputStream in, OutputStream log, OutputListener listener, boolean stderr) {
        Thread thread = new Thread(() -> {
            LogLineSplitter lines = LogLineSplitter.reportingCuts(MAX_LINE_CHARS,
                    (line, cut) -> listener.onLine(line, stderr, cut));
            byte[] buffer = new byte[1 << 16];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (log) {
                        log.write(buffer, 0, read);
                        // on disk at once: if the tuner is killed, the log still has what the job printed
                        log.flush();
                    }
                    lines.feed(buffer, 0, read);
                }
            } catch (IOException streamClosed) {
                // the process is gone; what it printed so far is kept
            } finally {
                lines.finish();
                synchronized (log) {
                    try {
                        log.flush();
                    } catch (IOException ignored) {
                        // the log's disk failed; the metrics still reached the listener
                    }
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static final class LocalJob implements LaunchedJob {
        private final Process process;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final ProcessTree tree;
        private volatile Thread stopper;

        LocalJob(Process process, Thread out, Thread err, OutputStream log) {
            this.process = process;
            // setsid makes the job the leader of a group with its own pid (a group id no other process can hold)
            this.tree = new ProcessTree(process.toHandle(), SETSID != null ? process.pid() : -1);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    long deadline = System.nanoTime() + DRAIN_AFTER_EXIT.toNanos();
                    out.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    err.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    Thread stopping = stopper;
                    // what the script left behind (a background child) ends with the job, as a container would
                    ProcessTree leftovers = new ProcessTree(process.toHandle(), tree.group());
                    if (stopping != null) {
                        // a stop is under way: what is left gets the stop's own grace, not a shorter one
                        stopping.join();
                        out.join(1000);
                        err.join(1000);
                    } else if (leftovers.anyRunning()) {
                        leftovers.terminate(LEFTOVER_GRACE);
                        out.join(1000);
                        err.join(1000);
                    }
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
        public synchronized void stop(Duration grace) {
            if (stopper != null) {
                return;
            }
            Thread thread = new Thread(() -> new ProcessTree(process.toHandle(), tree.group()).terminate(grace), "stop-" + process.pid());
            thread.setDaemon(true);
            stopper = thread;
            thread.start();
        }
    }
}
