package dev.hpo.engine.tuner;

import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.launch.SimulatedLauncher.Script;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running jobs' records gain their intermediate values while they run, so the dashboard can draw them. */
class ProgressSaverTest {
    @TempDir
    Path directory;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static RunningTrainingJob running(String name) throws Exception {
        MetricExtractor extractor = new MetricExtractor(CompiledMetric.compileAll(
                List.of(new MetricDefinition("loss", "loss=(\\S+)")), "MetricDefinitions"));
        return new RunningTrainingJob(TrainingJob.started(name, 0, Map.of("x", "1"), Instant.EPOCH), extractor, "loss", r -> { });
    }

    @Test
    void savesAtMostEveryIntervalAndOnlyJobsWhoseSeriesGrew() throws Exception {
        DirectoryStore store = new DirectoryStore(directory);
        HandClock clock = new HandClock();
        ProgressSaver saver = new ProgressSaver(store, clock, Duration.ofSeconds(5));
        RunningTrainingJob a = running("a");
        RunningTrainingJob b = running("b");
        a.onLine("loss=0.5", false);
        assertEquals(0, saver.saveIfDue(List.of(a, b)), "not due yet");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, saver.saveIfDue(List.of(a, b)), "only a printed a value");
        assertEquals(List.of(0.5), store.trainingJobs().get(0).series().get("loss"));
        assertEquals(TrainingJobStatus.InProgress, store.trainingJobs().get(0).status());

        a.onLine("loss=0.4", false);
        clock.advance(Duration.ofSeconds(4));
        assertEquals(0, saver.saveIfDue(List.of(a, b)), "due only 5 s after the last save");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, saver.saveIfDue(List.of(a, b)));
        assertEquals(List.of(0.5, 0.4), store.trainingJobs().get(0).series().get("loss"));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, saver.saveIfDue(List.of(a, b)), "nothing grew");
    }

    @Test
    void aHangingJobsRecordGainsItsSeriesWhileItRuns() throws Exception {
        Path jobDirectory = directory.resolve("t");
        CountDownLatch progressHeard = new CountDownLatch(1);
        SimulatedTuning tuning = new SimulatedTuning(List.of("only"));
        Tuner tuner = new Tuner(tuning.config(jobDirectory), new DirectoryStore(jobDirectory), jobDirectory,
                new SimulatedLauncher(hp -> Script.hanging("epoch 0 loss=0.5", "epoch 1 loss=0.25")), Map.of(),
                new TuningListener() {
                    @Override
                    public void progressSaved(TuningJob state) {
                        progressHeard.countDown();
                    }
                }, Clock.systemUTC(), 2)
                .withProgressInterval(Duration.ZERO).withStopGrace(Duration.ofMillis(100));
        CompletableFuture<TuningJob> result = CompletableFuture.supplyAsync(() -> {
            try {
                return tuner.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            DirectoryStore reader = new DirectoryStore(jobDirectory);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Optional<TrainingJob> seen = Optional.empty();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                seen = readable(reader).stream()
                        .filter(j -> j.status() == TrainingJobStatus.InProgress && j.series() != null
                                && List.of(0.5, 0.25).equals(j.series().get("loss")))
                        .findFirst();
                Thread.onSpinWait();
            }
            assertTrue(seen.isPresent(), "the running job's record never showed its two values");
            assertTrue(progressHeard.await(30, TimeUnit.SECONDS), "listeners hear of the saved progress");
        } finally {
            tuner.requestStop();
        }
        TuningJob ended = result.get(60, TimeUnit.SECONDS);
        assertEquals(TuningJobStatus.Stopped, ended.status());
        TrainingJob last = new DirectoryStore(jobDirectory).trainingJobs().get(0);
        assertEquals(TrainingJobStatus.Stopped, last.status(), "the final record is written after every progress record");
        assertEquals(List.of(0.5, 0.25), last.series().get("loss"));
    }

    /** The store may be mid-write of the first record; an unreadable moment is just not seen yet. */
    private static List<TrainingJob> readable(DirectoryStore reader) {
        try {
            return reader.trainingJobs();
        } catch (Exception notYet) {
            return List.of();
        }
    }
}
