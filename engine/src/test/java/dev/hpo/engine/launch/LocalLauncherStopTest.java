package dev.hpo.engine.launch;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real processes: what a stop and a resume's reclaim do to the processes a training script leaves behind. */
class LocalLauncherStopTest {
    @TempDir
    Path directory;

    private static boolean hasSetsid() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
    }

    @Test
    void aChildGetsTheWholeStopGraceAfterItsScriptHasEnded() throws Exception {
        Path saved = directory.resolve("saved");
        // the script ends at once on SIGTERM; its child, with its output away from the pipe, needs 4 s to save
        String child = "import signal,sys,time\n"
                + "def term(*_):\n    time.sleep(4)\n    open(sys.argv[1], 'w').write('saved')\n    sys.exit(0)\n"
                + "signal.signal(signal.SIGTERM, term)\nprint('ready', flush=True)\ntime.sleep(600)\n";
        Files.writeString(directory.resolve("child.py"), child);
        String script = "python3 child.py saved > child.log 2>&1 &\n"
                + "while [ ! -s child.log ]; do sleep 0.05; done\necho started\nwait\n";
        LaunchRequest request = new LaunchRequest("grace", List.of("sh", "-c", script), directory, Map.of(), directory.resolve("output.log"));
        StringBuilder lines = new StringBuilder();
        LaunchedJob job = new LocalLauncher().launch(request, (line, stderr) -> {
            synchronized (lines) {
                lines.append(line).append('\n');
                lines.notifyAll();
            }
        });
        synchronized (lines) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!lines.toString().contains("started") && System.nanoTime() < deadline) {
                lines.wait(100);
            }
        }
        job.stop(Duration.ofSeconds(20));
        job.exit().get(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(saved), "the child was killed before its grace ran out");
        assertEquals("saved", Files.readString(saved, StandardCharsets.UTF_8));
    }

    @Test
    void reclaimEndsTheGroupOfAScriptThatIsAlreadyGone() throws Exception {
        Assumptions.assumeTrue(hasSetsid(), "needs setsid");
        // a job as a dead tuner leaves it: the script has exited, its background children run on in its group
        Process script = new ProcessBuilder("setsid", "sh", "-c", "sleep 600 >/dev/null 2>&1 & sleep 600 >/dev/null 2>&1 & echo $$").directory(directory.toFile())
                .redirectErrorStream(true).start();
        long group = Long.parseLong(new String(script.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        script.waitFor(10, TimeUnit.SECONDS);
        List<Long> left = ProcStat.members(group);
        assertEquals(2, left.size(), "two sleeps outlive their script");
        Files.writeString(directory.resolve(LocalLauncher.PROCESS_FILE), group + " 2026-01-01T00:00:00Z\n");

        new LocalLauncher().reclaim(directory);

        for (long pid : left) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive() || !ProcStat.running(pid)).orElse(true), "still running: " + pid);
        }
    }
}
