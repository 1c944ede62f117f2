package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TuningListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-over between the tuner and the block form's lanes, with the real tuner on one thread and
 * each lane on a thread of its own, as Jenkins runs them (the tuner's thread and the branches of a
 * parallel step). Waits are latches and barriers that only open when the behaviour under test
 * happened; their time limits only turn a hang into a failure.
 */
class BodyQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path buildDirectory;

    private TuningJobConfig config(int jobs, int parallel) throws Exception {
        return BlockFormConfig.random("lanes-1", 11, jobs, parallel,
                List.of(Map.of("kind", "continuous", "name", "x", "min", -2, "max", 2)), buildDirectory);
    }

    private Tuner tuner(TuningJobConfig config, BodyQueue queue) throws Exception {
        Path jobDirectory = Files.createDirectories(buildDirectory.resolve("hpo").resolve(config.name()));
        return new Tuner(config, new DirectoryStore(jobDirectory), jobDirectory, new BodyLauncher(queue), Map.of(),
                TuningListener.NONE, Clock.systemUTC(), 2);
    }

    /** What a lane does with a body: run it on the lane's own thread and report how it ended. */
    private interface Body {
        void run(BodyRequest request, String lane) throws Exception;
    }

    /** A lane as the Pipeline runs one: next job, its body, its end; again, until there are no more. */
    private static Thread lane(BodyQueue queue, String name, Body body, List<Throwable> errors) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    CompletableFuture<BodyRequest> next = new CompletableFuture<>();
                    queue.next(new BodyQueue.Lane() {
                        @Override
                        public void take(BodyRequest request) {
                            next.complete(request);
                        }

                        @Override
                        public void noMore() {
                            next.complete(null);
                        }
                    });
                    BodyRequest request = next.get(60, TimeUnit.SECONDS);
                    if (request == null) {
                        return;
                    }
                    assertSame(request, queue.taken(request.trainingJobName()), "the body step finds its request by name");
                    body.run(request, name);
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    private static double x(BodyRequest request) throws Exception {
        Map<String, String> hps = JSON.readValue(request.environment().get("SM_HPS"), new TypeReference<>() { });
        return Double.parseDouble(hps.get("x"));
    }

    @Test
    void lanesRunBodiesSideBySideUpToTheLimitAndEveryOutcomeReachesTheTuner() throws Exception {
        TuningJobConfig config = config(9, 3);
        BodyQueue queue = new BodyQueue(config.limits().maxParallelTrainingJobs());
        // the first three bodies only end once all three run at the same time, each in its own lane
        CyclicBarrier together = new CyclicBarrier(3);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Map<String, Set<String>> lanesOfJob = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Body body = (request, lane) -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            lanesOfJob.computeIfAbsent(request.trainingJobName(), k -> ConcurrentHashMap.newKeySet()).add(lane);
            request.started(reason -> { });
            double x = x(request);
            request.output().onLine("loss=" + (Math.pow(x - 0.5, 2) + 1), false);
            if (started.incrementAndGet() <= 3) {
                together.await(60, TimeUnit.SECONDS);
            }
            request.output().onLine("loss=" + Math.pow(x - 0.5, 2), false);
            running.decrementAndGet();
            if (x > 1.5) {
                request.failed("script returned exit code 2");
            } else {
                request.succeeded();
            }
        };
        List<Thread> lanes = new ArrayList<>();
        for (int i = 1; i <= queue.lanes(); i++) {
            lanes.add(lane(queue, "lane " + i, body, errors));
        }
        TuningJob result;
        try {
            result = tuner(config, queue).run();
        } finally {
            queue.close();
        }
        for (Thread lane : lanes) {
            lane.join(60_000);
            assertFalse(lane.isAlive(), "a closed queue ends every lane");
        }

        assertEquals(List.of(), errors);
        assertEquals(TuningJobStatus.Completed, result.status());
        assertEquals(9, result.counters().total());
        assertEquals(3, mostRunning.get(), "three bodies ran at once, never more");
        assertTrue(lanesOfJob.values().stream().allMatch(l -> l.size() == 1), "each job ran once, in one lane");
        List<TrainingJob> jobs = new DirectoryStore(buildDirectory.resolve("hpo/lanes-1")).trainingJobs();
        for (TrainingJob job : jobs) {
            double x = Double.parseDouble(job.tunedHyperParameters().get("x"));
            assertEquals(x > 1.5 ? TrainingJobStatus.Failed : TrainingJobStatus.Completed, job.status(), job.name());
            if (job.status() == TrainingJobStatus.Completed) {
                assertEquals(Math.pow(x - 0.5, 2), job.finalObjective(), 1e-9, "the body's last value is the objective");
            } else {
                assertTrue(job.failureReason().contains("script returned exit code 2"), job.failureReason());
            }
        }
        TrainingJob best = result.bestTrainingJob();
        assertNotNull(best);
    }

    @Test
    void theTunerStoppingOneJobCancelsThatBodyOnly() throws Exception {
        BodyQueue queue = new BodyQueue(2);
        List<String> ends = new CopyOnWriteArrayList<>();
        BodyRunner.RunningBody a = queue.start("a", Map.of(), (line, err) -> { }, ending("a", ends));
        BodyRunner.RunningBody b = queue.start("b", Map.of(), (line, err) -> { }, ending("b", ends));
        List<BodyRequest> took = new ArrayList<>();
        queue.next(collect(took));
        queue.next(collect(took));
        List<String> cancelled = new CopyOnWriteArrayList<>();
        took.get(0).started(reason -> cancelled.add("a: " + reason));
        took.get(1).started(reason -> cancelled.add("b: " + reason));

        b.cancel("early stopping");
        assertEquals(List.of("b: early stopping"), cancelled, "only b's body is cancelled");
        took.get(1).failed("aborted");
        took.get(0).succeeded();
        assertEquals(List.of("b failed: aborted", "a succeeded"), ends);
        assertNull(queue.taken("a"), "an ended body is forgotten, so a retry may take the same name");
        a.cancel("too late");
        assertEquals(1, cancelled.size(), "cancelling an ended body does nothing");
    }

    @Test
    void aJobStoppedBeforeItsBodyStartedEndsAtOnceOrIsCancelledAsItStarts() {
        BodyQueue queue = new BodyQueue(1);
        List<String> ends = new CopyOnWriteArrayList<>();
        queue.start("waiting", Map.of(), (line, err) -> { }, ending("waiting", ends)).cancel("tuning job stopped");
        assertEquals(List.of("waiting failed: stopped before a lane started its body: tuning job stopped"), ends);

        BodyRunner.RunningBody taken = queue.start("taken", Map.of(), (line, err) -> { }, ending("taken", ends));
        List<BodyRequest> took = new ArrayList<>();
        queue.next(collect(took));
        assertEquals("taken", took.get(0).trainingJobName(), "the stopped job is not handed to a lane");
        taken.cancel("early stopping");
        List<String> cancelled = new ArrayList<>();
        took.get(0).started(cancelled::add);
        assertEquals(List.of("early stopping"), cancelled, "the body is cancelled as soon as it exists");
    }

    @Test
    void aJobTakenByALaneThatEndedBeforeStartingItEndsWhenTheTunerStopsIt() {
        BodyQueue queue = new BodyQueue(1);
        List<String> ends = new CopyOnWriteArrayList<>();
        BodyRunner.RunningBody orphan = queue.start("orphan", Map.of(), (line, err) -> { }, ending("orphan", ends));
        queue.next(collect(new ArrayList<>()));
        queue.lanesEnded("the lanes ended before its body started");
        assertEquals(List.of(), ends, "held until the tuner stops it, so it is recorded Stopped");
        orphan.cancel("tuning job stopped");
        assertEquals(List.of("orphan failed: the lanes ended before its body started"), ends);
    }

    @Test
    void anInterruptedBodyWaitsForTheTunersStopSoTheJobIsStoppedNotFailed() throws Exception {
        TuningJobConfig config = config(6, 2);
        BodyQueue queue = new BodyQueue(2);
        Tuner tuner = tuner(config, queue);
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        // lane 1's body is interrupted by the Pipeline (an abort); lane 2's runs until the tuner cancels it
        Body body = (request, lane) -> {
            CountDownLatch cancelled = new CountDownLatch(1);
            request.started(reason -> cancelled.countDown());
            bothRunning.countDown();
            if (lane.equals("lane 1")) {
                bothRunning.await(60, TimeUnit.SECONDS);
                tuner.requestStop();                  // what the plugin does first on an interruption
                // its body has ended; the end is reported once the tuner has stopped this job too
                request.interrupted("Aborted by admin");
                return;
            }
            assertTrue(cancelled.await(60, TimeUnit.SECONDS));
            request.failed("cancelled");
        };
        List<Thread> lanes = List.of(lane(queue, "lane 1", body, errors), lane(queue, "lane 2", body, errors));
        TuningJob result;
        try {
            result = tuner.run();
        } finally {
            queue.close();
        }
        for (Thread lane : lanes) {
            lane.join(60_000);
        }
        assertEquals(List.of(), errors);
        assertEquals(TuningJobStatus.Stopped, result.status());
        assertEquals(2, result.counters().total());
        assertEquals(2, result.counters().stopped(), "both bodies are Stopped, the interrupted one included");
    }

    @Test
    void closingTellsWaitingAndLaterLanesThereAreNoMoreAndAWithdrawnLaneIsNotCalled() {
        BodyQueue queue = new BodyQueue(2);
        List<String> heard = new ArrayList<>();
        queue.next(telling("first", heard));
        BodyQueue.Wait withdrawn = queue.next(telling("withdrawn", heard));
        assertTrue(withdrawn.withdraw());
        queue.close();
        queue.next(telling("later", heard));
        assertEquals(List.of("first: no more", "later: no more"), heard);
    }

    private static BodyRunner.Ending ending(String name, List<String> ends) {
        return new BodyRunner.Ending() {
            @Override
            public void succeeded() {
                ends.add(name + " succeeded");
            }

            @Override
            public void failed(String reason) {
                ends.add(name + " failed: " + reason);
            }
        };
    }

    private static BodyQueue.Lane collect(List<BodyRequest> took) {
        return new BodyQueue.Lane() {
            @Override
            public void take(BodyRequest request) {
                took.add(request);
            }

            @Override
            public void noMore() {
                throw new AssertionError("requests were waiting");
            }
        };
    }

    private static BodyQueue.Lane telling(String name, List<String> heard) {
        return new BodyQueue.Lane() {
            @Override
            public void take(BodyRequest request) {
                heard.add(name + ": " + request.trainingJobName());
            }

            @Override
            public void noMore() {
                heard.add(name + ": no more");
            }
        };
    }
}
