package dev.hpo.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code hpo} command line as a real child JVM, so a test can do to the tuner what a user or a
 * machine does: kill -9 it, send it Ctrl-C (SIGINT), starve it of memory.
 */
final class HpoProcess {
    private final Process process;
    private final Path output;

    private HpoProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code hpo <args>} with the given maximum heap (e.g. "64m"), its output going to {@code output}. */
    static HpoProcess start(Path output, String maxHeap, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.hpo.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CI", "1");
        return new HpoProcess(builder.start(), output);
    }

    /** Runs {@code hpo <args>} to its end (at most {@code timeoutSeconds}) and returns its exit code. */
    static int run(Path output, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        HpoProcess hpo = start(output, "256m", args);
        return hpo.waitFor(timeoutSeconds);
    }

    int waitFor(long timeoutSeconds) throws InterruptedException, IOException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hpo did not end within " + timeoutSeconds + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: the tuner gets no chance to record anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** What Ctrl-C in a terminal sends. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
