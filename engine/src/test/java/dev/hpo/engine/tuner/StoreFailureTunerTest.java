package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.launch.LaunchedJob;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the store stops accepting writes mid-run, the tuner gives up, but not before it ends its training jobs. */
class StoreFailureTunerTest {
    @TempDir
    Path work;

    /** A disk that fills up when the first training job's end is recorded. */
    private static final class FillingStore implements Store {
        private final DirectoryStore disk;

        FillingStore(Path directory) {
            this.disk = new DirectoryStore(directory);
        }

        @Override
        public void save(TuningJob tuningJob) throws IOException {
            disk.save(tuningJob);
        }

        @Override
        public void save(TrainingJob trainingJob) throws IOException {
            if (trainingJob.status() != TrainingJobStatus.InProgress) {
                throw new IOException("No space left on device");
            }
            disk.save(trainingJob);
        }

        @Override
        public Optional<TuningJob> tuningJob() throws IOException {
            return disk.tuningJob();
        }

        @Override
        public List<TrainingJob> trainingJobs() throws IOException {
            return disk.trainingJobs();
        }

        @Override
        public Path trainingJobDirectory(String trainingJobName) {
            return disk.trainingJobDirectory(trainingJobName);
        }

        @Override
        public void saveWarmStartParents(List<Path> parentDirectories) throws IOException {
            disk.saveWarmStartParents(parentDirectories);
        }

        @Override
        public List<Path> warmStartParents() throws IOException {
            return disk.warmStartParents();
        }
    }

    @Test
    void aFailingStoreEndsTheRunningJobsBeforeTheTunerGivesUp() throws Exception {
        SimulatedLauncher simulated = new SimulatedLauncher(hp -> hp.get("case").equals("quick")
                ? SimulatedTuning.losses(0.5) : SimulatedLauncher.Script.hanging("loss=0.9"));
        List<LaunchedJob> launched = new CopyOnWriteArrayList<>();
        Launcher recording = (request, listener) -> {
            LaunchedJob job = simulated.launch(request, listener);
            launched.add(job);
            return job;
        };
        SimulatedTuning tuning = new SimulatedTuning(List.of("quick", "hang-1", "hang-2"))
                .tuning(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("ResourceLimits")).put("MaxParallelTrainingJobs", 3));
        Tuner tuner = new Tuner(tuning.config(work), new FillingStore(work), work, recording, Map.of(), TuningListener.NONE,
                Clock.systemUTC(), 2);

        IOException failure = assertThrows(IOException.class, tuner::run);
        assertEquals("No space left on device", failure.getMessage());
        assertEquals(3, launched.size());
        for (LaunchedJob job : launched) {
            assertTrue(job.exit().isDone(), "a training job still runs after the tuner gave up");
        }
    }
}
