package dev.hpo.engine.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends a training job's whole process tree, gently first: SIGTERM to every process, then SIGKILL to
 * whatever is left after the grace period. Each job runs in its own session and process group
 * ({@code setsid}), so the group finds a script's children even after their parent died and they were
 * re-parented; the descendants seen from the root catch any that left the group.
 */
public final class ProcessTree {
    private static final long POLL_MILLIS = 25;

    private final long root;
    /** The job's own process group, or -1 when it has none (no setsid) and only descendants are followed. */
    private final long group;
    private final Set<Long> seen = new LinkedHashSet<>();

    ProcessTree(long root, long group) {
        this.root = root;
        this.group = group;
    }

    long group() {
        return group;
    }

    /** Terminates the tree and waits until every process of it has ended (at most {@code grace} plus a moment for the kill). */
    public void terminate(Duration grace) {
        collect();
        signal("TERM");
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && anyRunning()) {
            sleep();
            collect();
        }
        for (int round = 0; round < 40 && anyRunning(); round++) {
            collect();
            signal("KILL");
            sleep();
        }
    }

    /** True while any process of the tree runs. */
    public boolean anyRunning() {
        collect();
        for (long pid : seen) {
            if (ProcStat.running(pid)) {
                return true;
            }
        }
        return false;
    }

    private void collect() {
        if (ProcStat.running(root)) {
            seen.add(root);
        }
        ProcessHandle.of(root).ifPresent(handle -> handle.descendants().forEach(d -> seen.add(d.pid())));
        for (long pid : List.copyOf(seen)) {
            ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(d -> seen.add(d.pid())));
        }
        if (group > 0) {
            seen.addAll(ProcStat.members(group));
        }
    }

    private void signal(String signal) {
        if (group > 0 && !ProcStat.members(group).isEmpty()) {
            kill(signal, "-" + group);
        }
        for (long pid : seen) {
            if (ProcStat.running(pid)) {
                ProcessHandle.of(pid).ifPresent(handle -> {
                    if (signal.equals("KILL")) {
                        handle.destroyForcibly();
                    } else {
                        handle.destroy();
                    }
                });
            }
        }
    }

    private static void kill(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            // no kill(1): the per-process signals below still reach every process we saw
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
