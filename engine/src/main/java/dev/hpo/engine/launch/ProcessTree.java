package dev.hpo.engine.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends a training job's whole process tree, gently first: SIGTERM to every process, then SIGKILL to
 * whatever is left after the grace period. Each job runs in its own session and process group
 * ({@code setsid}), so the group finds a script's children even after their parent died and they were
 * re-parented; the descendants seen from the root catch any that left the group.
 *
 * <p>Processes are held as {@link ProcessHandle}s, which remember their start time: a pid that ended
 * and was given to another process is never signalled.
 */
public final class ProcessTree {
    private static final long POLL_MILLIS = 25;

    private final ProcessHandle root;
    /** The job's own process group, or -1 when it has none (no setsid) and only descendants are followed. */
    private final long group;
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    ProcessTree(ProcessHandle root, long group) {
        this.root = root;
        this.group = group;
    }

    long group() {
        return group;
    }

    /** Terminates the tree and waits until every process of it has ended (at most {@code grace} plus a moment for the kill). */
    public void terminate(Duration grace) {
        collect();
        signal(false);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && anyRunning()) {
            sleep();
        }
        for (int round = 0; round < 40 && anyRunning(); round++) {
            signal(true);
            sleep();
        }
    }

    /** True while any process of the tree runs. */
    public boolean anyRunning() {
        collect();
        for (ProcessHandle process : seen.values()) {
            if (running(process)) {
                return true;
            }
        }
        return false;
    }

    private static boolean running(ProcessHandle process) {
        return process.isAlive() && ProcStat.running(process.pid());
    }

    private void collect() {
        if (root.isAlive()) {
            seen.putIfAbsent(root.pid(), root);
            root.descendants().forEach(d -> seen.putIfAbsent(d.pid(), d));
        }
        for (ProcessHandle process : List.copyOf(seen.values())) {
            if (process.isAlive()) {
                process.descendants().forEach(d -> seen.putIfAbsent(d.pid(), d));
            }
        }
        if (group > 0) {
            for (long pid : ProcStat.members(group)) {
                ProcessHandle.of(pid).ifPresent(member -> seen.putIfAbsent(pid, member));
            }
        }
    }

    private void signal(boolean kill) {
        collect();
        if (group > 0 && !ProcStat.members(group).isEmpty()) {
            // one signal reaches every member, also those that appeared since the last look
            kill(kill ? "KILL" : "TERM", "-" + group);
        }
        for (ProcessHandle process : seen.values()) {
            if (running(process)) {
                if (kill) {
                    process.destroyForcibly();
                } else {
                    process.destroy();
                }
            }
        }
    }

    private static void kill(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            // no kill(1): the per-process signals still reach every process we saw
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
