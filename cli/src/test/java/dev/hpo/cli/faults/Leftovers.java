package dev.hpo.cli.faults;

import dev.hpo.engine.launch.LocalLauncher;
import dev.hpo.engine.launch.ProcStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * After a fault test, whatever it passed or failed: kills every process a training job under the test's
 * directory noted and that still runs with that job's environment, so a failing test does not leave
 * sleepers on a shared machine.
 */
final class Leftovers {
    private Leftovers() {
    }

    static void endAllUnder(Path root) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        List<Path> notes;
        try (Stream<Path> files = Files.walk(root)) {
            notes = files.filter(p -> p.getFileName().toString().equals("pids.txt")
                    || p.getFileName().toString().equals(LocalLauncher.PROCESS_FILE)).toList();
        }
        for (Path note : notes) {
            for (String line : Files.readAllLines(note)) {
                if (!line.isBlank()) {
                    long pid = Long.parseLong(line.trim().split(" ")[0]);
                    if (ProcStat.running(pid) && ours(pid, root)) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
        }
    }

    /** A recycled pid belongs to someone else: only a process whose environment names the test's directory is ours. */
    private static boolean ours(long pid, Path root) {
        try {
            String environment = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")));
            return environment.contains(root.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
