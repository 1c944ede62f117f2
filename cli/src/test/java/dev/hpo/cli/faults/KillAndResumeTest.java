package dev.hpo.cli.faults;

import static dev.hpo.cli.faults.StoreProbe.quietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 the tuner in the middle of a tuning job, resume it, and prove from the store that nothing
 * was lost or duplicated: the result is the same tuning job an uninterrupted run produces.
 */
class KillAndResumeTest {
    private static final int JOBS = 8;

    @TempDir
    Path work;

    @AfterEach
    void endLeftovers() throws Exception {
        Leftovers.endAllUnder(work);
    }

    @Test
    void aResumedTuningJobEqualsAnUninterruptedOne() throws Exception {
        Path config = new FaultConfig("resume", "Random", JOBS, 2).continuous("x", 0, 1)
                .statics(Map.of("mode", "epochs", "epochs", "4", "delay", "0.2")).write(work);

        Path reference = work.resolve("reference");
        assertEquals(0, HpoProcess.run(work.resolve("reference.out"), 120, "tune", config.toString(), "--output", reference.toString()));
        Map<String, Map<String, String>> expected = hyperParametersByName(new StoreProbe(reference.resolve("resume")).trainingJobs());

        Path output = work.resolve("crashed");
        StoreProbe store = new StoreProbe(output.resolve("resume"));
        HpoProcess tuner = HpoProcess.start(work.resolve("first.out"), "256m", "tune", config.toString(), "--output", output.toString());
        store.await("a running training job", 60, tuner, quietly(s -> s.count(TrainingJobStatus.InProgress) >= 1));

        // a second tuner on the same job is refused while the first lives
        int second = HpoProcess.run(work.resolve("second.out"), 60, "tune", config.toString(), "--output", output.toString(), "--resume");
        assertEquals(2, second, "refused before any work, like --replace on a running job");
        assertTrue(Files.readString(work.resolve("second.out")).contains("already being run by another tuner"));

        store.await("3 completed training jobs and one running", 60, tuner,
                quietly(s -> s.count(TrainingJobStatus.Completed) >= 3 && s.count(TrainingJobStatus.InProgress) >= 1));
        tuner.kill9();
        Map<String, byte[]> completedBefore = new HashMap<>();
        List<String> interrupted = new java.util.ArrayList<>();
        for (TrainingJob job : store.trainingJobs()) {
            if (job.status().terminal()) {
                completedBefore.put(job.name(), Files.readAllBytes(store.directory(job).resolve(DirectoryStore.TRAINING_JOB_FILE)));
            } else {
                interrupted.add(job.name());
            }
        }
        assertEquals(TuningJobStatus.InProgress, store.tuningJob().status(), "the dead tuner could not record an end");
        assertTrue(!interrupted.isEmpty(), "the kill landed while a training job ran");

        // the lock file of the dead tuner is still there: it must be recognised as stale
        assertTrue(Files.exists(output.resolve("resume").resolve("tuner.lock")));
        // no tuner runs it: describe and the report say so, and its elapsed time stops at its last change
        dev.hpo.engine.model.TuningJob dead = store.tuningJob();
        long runtime = java.time.Duration.between(dead.creationTime(), dead.lastModifiedTime()).getSeconds();
        assertEquals(0, HpoProcess.run(work.resolve("describe.out"), 60, "describe", output.resolve("resume").toString(), "--json"));
        com.fasterxml.jackson.databind.JsonNode described = dev.hpo.engine.store.Json.mapper().readTree(
                Files.readString(work.resolve("describe.out")).substring(Files.readString(work.resolve("describe.out")).indexOf('{')));
        assertTrue(described.path("Interrupted").asBoolean(), described.toString());
        assertEquals(runtime, described.path("ConsumedResources").path("RuntimeInSeconds").asLong());
        assertEquals(0, HpoProcess.run(work.resolve("report.out"), 60, "report", output.resolve("resume").toString()));
        assertTrue(dev.hpo.engine.store.Json.mapper().readTree(output.resolve("resume").resolve("result.json").toFile())
                .path("Interrupted").asBoolean());
        int resumed = HpoProcess.run(work.resolve("resumed.out"), 120, "tune", config.toString(), "--output", output.toString(), "--resume");
        assertEquals(0, resumed, Files.readString(work.resolve("resumed.out")));

        List<TrainingJob> after = store.trainingJobs();
        assertEquals(JOBS, after.size(), "as many training jobs as without the crash");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), after.stream().map(TrainingJob::index).sorted().toList(), "each index exactly once");
        assertEquals(expected, hyperParametersByName(after), "the same names and hyperparameters as the uninterrupted run");
        for (TrainingJob job : after) {
            assertEquals(TrainingJobStatus.Completed, job.status(), job.name());
            byte[] before = completedBefore.get(job.name());
            if (before != null) {
                assertEquals(new String(before), Files.readString(store.directory(job).resolve(DirectoryStore.TRAINING_JOB_FILE)),
                        "a job completed before the crash is kept as it was, not run again: " + job.name());
            }
        }
        for (String name : interrupted) {
            TrainingJob rerun = after.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
            assertEquals(4, rerun.series().get("loss").size(), "the re-run's log starts clean: " + name);
        }
        assertEquals(TuningJobStatus.Completed, store.tuningJob().status());
        assertEquals(JOBS, store.tuningJob().counters().completed());
        assertEquals(new StoreProbe(reference.resolve("resume")).tuningJob().bestTrainingJob().name(),
                store.tuningJob().bestTrainingJob().name());
        assertEquals(List.of(), StoreProbe.stillRunning(store.notedProcesses()), "no training process outlives the tuning job");
        assertNotEquals(0, completedBefore.size());
    }

    private static Map<String, Map<String, String>> hyperParametersByName(List<TrainingJob> jobs) {
        return jobs.stream().collect(Collectors.toMap(TrainingJob::name, TrainingJob::tunedHyperParameters, (a, b) -> a, TreeMap::new));
    }
}
