package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.OutputListener;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block form through the real tuner loop. The runner stands in for Jenkins' body invoker: each
 * "body" is a thread that prints what a training script would and then ends, or fails, or hangs
 * until cancelled, as a Pipeline body does.
 */
class BodyLauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path buildDirectory;

    private TuningJobConfig config(int jobs, int parallel) throws Exception {
        return BlockFormConfig.random("body-1", 3, jobs, parallel, List.of(Map.of("kind", "continuous", "name", "x", "min", -2, "max", 2),
                Map.of("kind", "categorical", "name", "label", "values", List.of("it's", "a b"))), buildDirectory);
    }

    /** Bodies that compute (x - 0.5)^2 from the hyperparameters they are given, in threads, as parallel bodies run. */
    private static final class ThreadBodies implements BodyRunner {
        final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostRunning = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final CountDownLatch started;
        final boolean hang;

        ThreadBodies(boolean hang, int expectStarts) {
            this.hang = hang;
            this.started = new CountDownLatch(expectStarts);
        }

        @Override
        public RunningBody start(String name, Map<String, String> environment, OutputListener output, Ending ending) {
            environments.put(name, environment);
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            CountDownLatch cancel = new CountDownLatch(1);
            Thread body = new Thread(() -> {
                try {
                    Map<String, String> hps = JSON.readValue(environment.get("SM_HPS"), new TypeReference<>() { });
                    double x = Double.parseDouble(hps.get("x"));
                    output.onLine("+ python train.py " + environment.get("HPO_ARGS"), false);
                    output.onLine("epoch 1 loss=" + (Math.pow(x - 0.5, 2) + 1), false);
                    started.countDown();
                    if (hang) {
                        cancel.await();
                        running.decrementAndGet();
                        ending.failed("body cancelled");
                        return;
                    }
                    output.onLine("epoch 2 loss=" + Math.pow(x - 0.5, 2), false);
                    running.decrementAndGet();
                    if (x > 1.0) {
                        ending.failed("script returned exit code 2");
                    } else {
                        ending.succeeded();
                    }
                } catch (Exception e) {
                    ending.failed(e.toString());
                }
            });
            body.start();
            return reason -> {
                cancelled.incrementAndGet();
                cancel.countDown();
            };
        }
    }

    private Tuner tuner(TuningJobConfig config, ThreadBodies bodies) throws Exception {
        Path jobDirectory = Files.createDirectories(buildDirectory.resolve("hpo").resolve(config.name()));
        return new Tuner(config, new DirectoryStore(jobDirectory), jobDirectory, new BodyLauncher(bodies), Map.of(),
                TuningListener.NONE, Clock.systemUTC(), 2);
    }

    @Test
    void bodiesRunInParallelUpToTheLimitAndTheirConsoleGivesTheObjective() throws Exception {
        TuningJobConfig config = config(8, 3);
        ThreadBodies bodies = new ThreadBodies(false, 8);
        TuningJob result = tuner(config, bodies).run();

        assertEquals(TuningJobStatus.Completed, result.status());
        assertEquals(8, result.counters().total());
        assertTrue(bodies.mostRunning.get() <= 3, "at most maxParallelJobs bodies at once: " + bodies.mostRunning.get());
        TrainingJob best = result.bestTrainingJob();
        assertNotNull(best);
        double x = Double.parseDouble(best.tunedHyperParameters().get("x"));
        assertEquals(Math.pow(x - 0.5, 2), best.finalObjective(), 1e-9, "the last value the body printed is final");

        Map<String, String> environment = bodies.environments.get(best.name());
        assertEquals(best.name(), environment.get("HPO_TRAINING_JOB_NAME"));
        assertEquals(best.tunedHyperParameters().get("x"), environment.get("SM_HP_X"));
        assertTrue(environment.keySet().stream().noneMatch(k -> k.equals("SM_MODEL_DIR") || k.startsWith("SM_CHANNEL_") || k.equals("OMP_NUM_THREADS")),
                "directories of the tuner's machine mean nothing where the body runs: " + environment.keySet());
        String log = Files.readString(buildDirectory.resolve("hpo/body-1/training-jobs").resolve(best.name()).resolve("output.log"));
        assertTrue(log.contains("epoch 2 loss="), log);
    }

    @Test
    void aFailedBodyIsAFailedTrainingJobWithTheBodysReason() throws Exception {
        TuningJobConfig config = config(12, 2);
        TuningJob result = tuner(config, new ThreadBodies(false, 12)).run();
        List<TrainingJob> jobs = new DirectoryStore(buildDirectory.resolve("hpo/body-1")).trainingJobs();
        List<TrainingJob> failed = new ArrayList<>(jobs.stream().filter(j -> j.status() == TrainingJobStatus.Failed).toList());
        for (TrainingJob job : failed) {
            assertTrue(job.failureReason().contains("script returned exit code 2"), job.failureReason());
        }
        assertEquals(jobs.stream().filter(j -> Double.parseDouble(j.tunedHyperParameters().get("x")) > 1.0).count(), failed.size());
        assertTrue(!failed.isEmpty() && failed.size() < jobs.size(), "some bodies fail, some succeed: " + failed.size());
        assertEquals(TuningJobStatus.Completed, result.status());
    }

    @Test
    void stoppingTheTuningJobCancelsEveryRunningBodyAndRecordsItAsStopped() throws Exception {
        TuningJobConfig config = config(6, 3);
        ThreadBodies bodies = new ThreadBodies(true, 3);
        Tuner tuner = tuner(config, bodies);
        Thread stopper = new Thread(() -> {
            try {
                if (bodies.started.await(30, TimeUnit.SECONDS)) {
                    tuner.requestStop();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        TuningJob result = tuner.run();
        stopper.join();

        assertEquals(TuningJobStatus.Stopped, result.status());
        assertEquals(3, bodies.cancelled.get());
        assertEquals(3, result.counters().stopped());
    }

    @Test
    void hyperparameterArgumentsAreQuotedForTheShell() {
        assertEquals("'--label' 'it'\\''s' '--x' '0.5'", BodyLauncher.shellArguments(List.of("pipeline-body", "--label", "it's", "--x", "0.5")));
    }
}
