package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.model.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running attempts and the queue their ends arrive on, with simulated processes. */
class RunningAttemptsTest {
    /** How long a test waits for an end that must come; only reached when something is broken. */
    private static final long BOUND_MILLIS = 30_000;

    @TempDir
    Path directory;

    private final RunningAttempts attempts = new RunningAttempts();

    private RunningTrainingJob launch(SimulatedLauncher launcher, String name) throws Exception {
        TrainingJob job = TrainingJob.started(name, 0, Map.of(), Instant.EPOCH);
        MetricExtractor extractor = new MetricExtractor(CompiledMetric.compileAll(
                List.of(new MetricDefinition("loss", "loss=(\\S+)")), "MetricDefinitions"));
        RunningTrainingJob run = new RunningTrainingJob(job, extractor, "loss", r -> { });
        Path jobDirectory = Files.createDirectories(directory.resolve(name));
        attempts.add(run);
        run.attach(launcher.launch(new LaunchRequest(name, List.of("sh"), jobDirectory, Map.of("SM_HPS", "{}"),
                jobDirectory.resolve("output.log")), run));
        attempts.watch(run);
        return run;
    }

    @Test
    void anEndArrivesOnTheQueueWithItsExitCode() throws Exception {
        RunningTrainingJob run = launch(new SimulatedLauncher(hp -> SimulatedLauncher.Script.of(3, "loss=0.5")), "a");
        RunningAttempts.Ended ended = attempts.nextEnded(BOUND_MILLIS);
        assertEquals(run, ended.run());
        assertEquals(3, ended.exitCode());
        assertNull(attempts.nextEndedNow(), "each end arrives once");
        assertEquals(1, attempts.size(), "the loop, not the queue, decides when an attempt stops counting as running");
        attempts.remove("a");
        assertTrue(attempts.isEmpty());
    }

    @Test
    void stopEachStopsEveryRunningAttemptForTheCause() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedLauncher.Script.hanging("loss=0.5"));
        launch(launcher, "a");
        launch(launcher, "b");
        attempts.stopEach(RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED, Duration.ofSeconds(1));
        Set<String> ended = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            RunningAttempts.Ended next = attempts.nextEnded(BOUND_MILLIS);
            assertEquals(143, next.exitCode(), "ended by the signal");
            assertEquals(RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED, next.run().stopCause());
            ended.add(next.run().started.name());
        }
        assertEquals(Set.of("a", "b"), ended);
    }

    @Test
    void abandonStopsEveryAttemptAndWaitsForItsEnd() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedLauncher.Script.hanging("loss=0.5"));
        RunningTrainingJob a = launch(launcher, "a");
        RunningTrainingJob b = launch(launcher, "b");
        attempts.abandon(Duration.ofSeconds(1));
        assertTrue(a.launched().exit().isDone() && b.launched().exit().isDone(), "no attempt runs on unwatched");
        assertEquals(RunningTrainingJob.StopCause.REQUESTED, a.stopCause(), "as a stop would: a resume runs it again");
    }
}
