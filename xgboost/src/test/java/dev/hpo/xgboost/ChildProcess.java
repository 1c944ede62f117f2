package dev.hpo.xgboost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs TrainingMain as a real child JVM, the way a tuner launches a training job. */
final class ChildProcess {
    record Result(int exitCode, List<String> stdout, List<String> stderr) {
        String lastStderrLine() {
            return stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1);
        }
    }

    private ChildProcess() {
    }

    static Result trainingMain(Map<String, String> env, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrainingMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // A clean environment: nothing from the test JVM's own SM_* variables leaks in.
        pb.environment().keySet().removeIf(k -> k.startsWith("SM_"));
        pb.environment().putAll(env);
        Files.createDirectories(workDir);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("TrainingMain did not finish within 120 s");
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }
}
