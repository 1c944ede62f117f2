package dev.hpo.jenkins.agent;

import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.metric.LogLineSink;
import dev.hpo.engine.metric.LogLineSplitter;
import dev.hpo.engine.pipeline.JobRelocation;
import dev.hpo.engine.pipeline.SecretMask;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Proc;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's launcher over Jenkins' own: each training job is a process that {@code hudson.Launcher}
 * starts on the agent of the enclosing {@code node}, in a job directory in the agent's workspace. The
 * tuner's files (prepared on the controller, in the build) are relocated with {@link JobRelocation}.
 * The process's output comes back over the channel: each line goes to the tuner's metric extractor,
 * and all of it to the job's log file on the agent. Killing a {@link Proc} ends its whole process tree.
 */
public final class AgentLauncher implements Launcher {
    private static final int MAX_LINE_CHARS = LogLineSplitter.DEFAULT_MAX_LINE_CHARS;

    private final hudson.Launcher launcher;
    private final VirtualChannel channel;
    private final EnvVars environment;
    private final JobRelocation relocation;
    private final SecretMask secrets;
    private final Set<Proc> live = ConcurrentHashMap.newKeySet();

    /**
     * @param environment the step's effective environment (the node's, with withEnv and friends)
     * @param secrets     values of the environment's sensitive variables, hidden before the tuner sees a line
     */
    public AgentLauncher(hudson.Launcher launcher, VirtualChannel channel, EnvVars environment, JobRelocation relocation,
                         SecretMask secrets) {
        this.launcher = launcher;
        this.channel = channel;
        this.environment = environment;
        this.relocation = relocation;
        this.secrets = secrets;
    }

    @Override
    public LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException {
        JobRelocation.Relocated job = relocation.relocate(request);
        try {
            FilePath directory = new FilePath(channel, job.workingDirectory());
            directory.mkdirs();
            for (String path : job.directories()) {
                new FilePath(channel, path).mkdirs();
            }
            for (Map.Entry<String, java.nio.file.Path> file : job.files().entrySet()) {
                new FilePath(file.getValue().toFile()).copyTo(new FilePath(channel, file.getKey()));
            }
            OutputStream log = new FilePath(channel, job.logFile()).write();
            LineStream out = new LineStream(log, (line, cut) -> listener.onLine(secrets.apply(line), false, cut));
            LineStream err = new LineStream(log, (line, cut) -> listener.onLine(secrets.apply(line), true, cut));
            EnvVars env = new EnvVars(environment);
            env.putAll(job.environment());
            Proc proc = launcher.launch().cmds(job.command()).envs(env).pwd(directory).stdout(out).stderr(err).quiet(true).start();
            live.add(proc);
            return new AgentJob(job.trainingJobName(), proc, out, err, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + request.trainingJobName(), e);
        }
    }

    /** Kills every training job still running (the last resort of an abort that took too long). */
    public void killAll() {
        for (Proc proc : live) {
            try {
                proc.kill();
            } catch (IOException | InterruptedException e) {
                // the agent may be gone already, and its processes with it
            }
        }
    }

    private final class AgentJob implements LaunchedJob {
        private final Proc proc;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        AgentJob(String name, Proc proc, LineStream out, LineStream err, OutputStream log) {
            this.proc = proc;
            Thread waiter = new Thread(() -> {
                int code;
                try {
                    code = proc.join();
                } catch (IOException e) {
                    code = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    code = -1;
                }
                out.finish();
                err.finish();
                try {
                    log.close();
                } catch (IOException ignored) {
                    // what reached the log stays there
                }
                live.remove(proc);
                exit.complete(code);
            }, "hpo training job " + name);
            waiter.setDaemon(true);
            waiter.start();
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        /** Proc.kill ends the process tree at once; Jenkins offers no gentler signal over the channel. */
        @Override
        public void stop(Duration grace) {
            try {
                proc.kill();
            } catch (IOException e) {
                // the process ended already
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One of a process's streams: bytes to the shared log, lines (bounded) to the tuner. */
    private static final class LineStream extends OutputStream {
        private final OutputStream log;
        private final LogLineSplitter lines;

        LineStream(OutputStream log, LogLineSink sink) {
            this.log = log;
            this.lines = LogLineSplitter.reportingCuts(MAX_LINE_CHARS, sink);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
            synchronized (log) {
                log.write(buffer, offset, length);
            }
            lines.feed(buffer, offset, length);
        }

        synchronized void finish() {
            lines.finish();
        }
    }
}
