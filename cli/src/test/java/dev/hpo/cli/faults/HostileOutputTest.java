package dev.hpo.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.ScriptModeContract;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Grid tuning job whose training jobs each misbehave in one way, run by a tuner with a 64 MB heap
 * (so a 100 MB line cannot be held in memory): every job must end with the right record, the log
 * must keep what the job printed, and the tuning job must end on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileOutputTest {
    private static final List<String> MODES = List.of("silent", "always-fail-slow", "huge-line", "binary", "progress", "ansi",
            "flood", "close-stdout", "orphan", "runaway-regex", "fail-once");
    private static final int MAX_RUNTIME_SECONDS = 15;

    @TempDir
    static Path work;
    private Map<String, TrainingJob> byMode;
    private StoreProbe store;
    private int exitCode;
    private String output;

    @BeforeAll
    void runTheHostileTuningJob() throws Exception {
        Path config = new FaultConfig("hostile", "Grid", MODES.size(), 3).categorical("mode", MODES)
                // a user regex that backtracks exponentially on a line of a's without a 'b'
                .metric("runaway", "(a+)+b")
                .maxRuntimePerJob(MAX_RUNTIME_SECONDS).retries(30).write(work);
        HpoProcess tuner = HpoProcess.start(work.resolve("tune.out"), "64m", "tune", config.toString(), "--output", work.toString(),
                "--stop-grace", "1");
        exitCode = tuner.waitFor(120);
        output = tuner.output();
        store = new StoreProbe(work.resolve("hostile"));
        byMode = store.trainingJobs().stream().collect(Collectors.toMap(j -> j.tunedHyperParameters().get("mode"), Function.identity()));
    }

    @AfterAll
    void endLeftovers() throws Exception {
        Leftovers.endAllUnder(work);
    }

    @Test
    void theTuningJobEndsOnItsOwnWithEveryJobRecorded() {
        assertEquals(0, exitCode, output);
        assertEquals(MODES.size(), byMode.size(), output);
        for (TrainingJob job : byMode.values()) {
            assertTrue(job.status().terminal(), job.name() + " " + job.status());
        }
    }

    @Test
    void aHundredMegabyteLineCostsBoundedMemoryAndTheLogKeepsIt() throws Exception {
        assertCompletedWith("huge-line", 0.25);
        Path log = store.directory(byMode.get("huge-line")).resolve(ScriptModeContract.LOG_FILE);
        assertTrue(Files.size(log) > 100L * (1 << 20), "the log keeps the whole line: " + Files.size(log));
        // a value printed past the cap would have been lost: the record says the line was cut
        assertTrue(byMode.get("huge-line").warnings() != null
                && byMode.get("huge-line").warnings().contains("line 2 was longer than 1 MiB; only its first 1 MiB was matched"),
                "warnings: " + byMode.get("huge-line").warnings());
    }

    @Test
    void binaryGarbageDoesNotHideTheMetric() throws Exception {
        assertCompletedWith("binary", 0.125);
        Path log = store.directory(byMode.get("binary")).resolve(ScriptModeContract.LOG_FILE);
        assertTrue(Files.size(log) >= 64 * 16384, "the garbage is kept byte for byte");
    }

    @Test
    void carriageReturnProgressBarsAreLinesOfTheirOwn() {
        assertCompletedWith("progress", 0.0625);
        assertTrue(byMode.get("progress").series().get("loss").size() >= 21, "every redraw is a value");
    }

    @Test
    void ansiColourCodesAreIgnored() {
        assertCompletedWith("ansi", 0.03125);
        assertEquals(List.of(0.5, 0.03125), byMode.get("ansi").series().get("loss"));
    }

    @Test
    void aMillionLinesAreAllScraped() {
        assertCompletedWith("flood", 0.015625);
        assertEquals(1000, byMode.get("flood").series().get("loss").size());
    }

    @Test
    void aSilentProcessIsStoppedAtItsMaxRuntime() {
        TrainingJob silent = byMode.get("silent");
        assertEquals(TrainingJobStatus.Stopped, silent.status());
        assertTrue(silent.failureReason().contains("MaxRuntimeInSeconds"), silent.failureReason());
        assertTrue(silent.durationSeconds(silent.trainingEndTime()) < MAX_RUNTIME_SECONDS + 5, "stopped in time");
    }

    @Test
    void aProcessThatClosesStdoutStillReportsOnStderr() {
        assertCompletedWith("close-stdout", 0.0078125);
    }

    @Test
    void aChildHoldingThePipeAfterTheJobExitsDoesNotHangTheTunerAndIsEnded() throws Exception {
        assertCompletedWith("orphan", 0.00390625);
        List<Long> noted = Files.readAllLines(store.directory(byMode.get("orphan")).resolve("pids.txt")).stream()
                .map(line -> Long.parseLong(line.trim())).toList();
        assertEquals(List.of(), StoreProbe.stillRunning(noted));
    }

    @Test
    void aRunawayRegexIsCutOffWithAClearMessage() {
        TrainingJob job = assertCompletedWith("runaway-regex", 0.001953125);
        assertTrue(job.warnings() != null && job.warnings().stream().anyMatch(w -> w.contains("'runaway'") && w.contains("cut off")),
                String.valueOf(job.warnings()));
    }

    @Test
    void aFailedAttemptIsRetried() throws Exception {
        TrainingJob job = assertCompletedWith("fail-once", 0.0009765625);
        assertEquals(2, job.attemptCount());
        String log = Files.readString(store.directory(job).resolve(ScriptModeContract.LOG_FILE));
        assertTrue(log.contains("out of memory, pretend") && log.contains("[hpo] attempt 2 of 31"), log);
    }

    @Test
    void maxRuntimeCoversEveryAttempt() {
        TrainingJob job = byMode.get("always-fail-slow");
        assertNotEquals(TrainingJobStatus.Completed, job.status());
        assertTrue(job.attemptCount() >= 2 && job.attemptCount() < 30, "retried, but only within the runtime: " + job.attemptCount());
        assertTrue(job.durationSeconds(job.trainingEndTime()) < MAX_RUNTIME_SECONDS + 5, "all attempts within MaxRuntimeInSeconds");
    }

    private TrainingJob assertCompletedWith(String mode, double objective) {
        TrainingJob job = byMode.get(mode);
        assertEquals(TrainingJobStatus.Completed, job.status(), mode + ": " + job.failureReason());
        assertEquals(ObjectiveStatus.Succeeded, job.objectiveStatus());
        assertEquals(objective, job.finalObjective(), mode);
        return job;
    }
}
