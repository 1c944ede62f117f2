package dev.hpo.engine.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Linux's {@code /proc/<pid>/stat} says about a process: its state and process group. A zombie
 * (state Z) counts as ended: in a container whose PID 1 does not reap orphans, a killed grandchild
 * stays a zombie forever, and {@link ProcessHandle#isAlive} would call it alive.
 */
public record ProcStat(long pid, char state, long parent, long processGroup) {
    private static final Path PROC = Path.of("/proc");

    /** The process's stat, or empty when it is gone (or this is not Linux). */
    public static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    static ProcStat parse(long pid, String line) {
        // the command name is in parentheses and may itself contain spaces and parentheses
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }

    public static boolean available() {
        return Files.isRegularFile(PROC.resolve("self").resolve("stat"));
    }

    /** True while the process exists and has not ended (zombies have ended). */
    public static boolean running(long pid) {
        if (!available()) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return of(pid).map(stat -> stat.state() != 'Z' && stat.state() != 'X').orElse(false);
    }

    /** Every running process in a process group. */
    public static List<Long> members(long processGroup) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                of(Long.parseLong(name)).filter(s -> s.processGroup() == processGroup && s.state() != 'Z' && s.state() != 'X')
                        .ifPresent(s -> members.add(s.pid()));
            }
        } catch (IOException e) {
            // no /proc: the caller falls back to the descendants it saw
        }
        return members;
    }
}
