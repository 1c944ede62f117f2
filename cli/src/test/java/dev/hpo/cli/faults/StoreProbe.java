package dev.hpo.cli.faults;

import dev.hpo.engine.launch.LocalLauncher;
import dev.hpo.engine.launch.ProcStat;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a tuning job's directory the way any other tool would: the files, while the tuner runs or after it died. */
final class StoreProbe {
    /** Each spawn-mode job of faults/job.py notes itself, the stubborn child, the shell, the shell's sleep and an orphaned sleep. */
    static final int SPAWNED_PROCESSES_PER_JOB = 5;
    private static final long POLL_MILLIS = 50;
    private final DirectoryStore store;

    StoreProbe(Path jobDirectory) {
        this.store = new DirectoryStore(jobDirectory);
    }

    TuningJob tuningJob() throws IOException {
        return store.tuningJob().orElseThrow();
    }

    List<TrainingJob> trainingJobs() throws IOException {
        return store.trainingJobs();
    }

    Path directory(TrainingJob job) {
        return store.trainingJobDirectory(job.name());
    }

    long count(TrainingJobStatus status) throws IOException {
        return trainingJobs().stream().filter(j -> j.status() == status).count();
    }

    /** Waits (at most {@code timeoutSeconds}) until the store shows what {@code condition} wants. */
    void await(String what, long timeoutSeconds, HpoProcess tuner, Predicate<StoreProbe> condition) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline || !tuner.alive()) {
                throw new AssertionError("the store never showed " + what + "; tuner output:\n" + tuner.output());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Waits (at most 60 s) until {@code jobs} spawn-mode training jobs run and each has noted every
     * process it starts, so that a stop or a kill meets the whole process tree.
     */
    void awaitSpawnedChildren(int jobs, HpoProcess tuner) throws Exception {
        await(jobs + " running jobs with all their children started", 60, tuner, quietly(s -> {
            List<TrainingJob> started = s.trainingJobs();
            if (started.size() < jobs) {
                return false;
            }
            for (TrainingJob job : started) {
                Path pids = s.directory(job).resolve("pids.txt");
                if (!Files.exists(pids) || Files.readAllLines(pids).size() < SPAWNED_PROCESSES_PER_JOB) {
                    return false;
                }
            }
            return true;
        }));
    }

    /** Every process a training job noted (pids.txt) or the launcher noted for it (process.pid). */
    List<Long> notedProcesses() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (TrainingJob job : trainingJobs()) {
            Path dir = directory(job);
            for (Path file : List.of(dir.resolve("pids.txt"), dir.resolve(LocalLauncher.PROCESS_FILE))) {
                if (Files.exists(file)) {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.isBlank()) {
                            pids.add(Long.parseLong(line.trim().split(" ")[0]));
                        }
                    }
                }
            }
        }
        return pids;
    }

    static List<Long> stillRunning(List<Long> pids) {
        return pids.stream().filter(ProcStat::running).toList();
    }

    static Predicate<StoreProbe> quietly(IoPredicate condition) {
        return probe -> {
            try {
                return condition.test(probe);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        };
    }

    @FunctionalInterface
    interface IoPredicate {
        boolean test(StoreProbe probe) throws IOException;
    }
}
