package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTunerTest {
    @TempDir
    Path work;

    @Test
    void aFailedProcessIsRetriedUnderItsOwnNameUpToMaximumRetryAttempts() throws Exception {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> {
            int attempt = attempts.computeIfAbsent(hp.get("case"), k -> new AtomicInteger()).incrementAndGet();
            return switch (hp.get("case")) {
                case "flaky" -> attempt == 1 ? SimulatedLauncher.Script.of(1, "loss=0.7", "CUDA error") : SimulatedTuning.losses(0.4);
                case "broken" -> SimulatedLauncher.Script.of(1, "segfault");
                default -> SimulatedLauncher.Script.of(0, "no metric here");
            };
        });
        new SimulatedTuning(List.of("flaky", "broken", "no-objective"))
                .definition(d -> d.putObject("RetryStrategy").put("MaximumRetryAttempts", 2)).tuner(work, launcher).run();

        List<TrainingJob> jobs = new DirectoryStore(work).trainingJobs();
        assertEquals(3, jobs.size(), "retries keep the job's name: no extra training jobs");
        assertEquals(TrainingJobStatus.Completed, jobs.get(0).status());
        assertEquals(2, jobs.get(0).attemptCount());
        assertEquals(List.of(0.4), jobs.get(0).series().get("loss"), "the record holds the successful attempt");
        assertEquals(TrainingJobStatus.Failed, jobs.get(1).status());
        assertEquals(3, jobs.get(1).attemptCount(), "1 attempt + MaximumRetryAttempts 2");
        assertEquals(1, jobs.get(2).attemptCount(), "exit 0 without the objective prints the same log again: not retried");
        assertEquals(6, launcher.launched());
        String log = Files.readString(new DirectoryStore(work).trainingJobDirectory(jobs.get(1).name()).resolve("output.log"));
        assertTrue(log.contains("[hpo] attempt 3 of 3"), log);
    }

    @Test
    void withoutRetryStrategyAFailureIsFinal() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedLauncher.Script.of(1, "boom"));
        new SimulatedTuning(List.of("x")).tuner(work, launcher).run();
        assertEquals(1, launcher.launched());
    }
}
