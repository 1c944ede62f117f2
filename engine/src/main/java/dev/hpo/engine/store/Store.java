package dev.hpo.engine.store;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a tuning job's state lives. Every save replaces the previous state whole, or not at all. */
public interface Store {

    void save(TuningJob tuningJob) throws IOException;

    void save(TrainingJob trainingJob) throws IOException;

    Optional<TuningJob> tuningJob() throws IOException;

    /** Every training job, in start order. */
    List<TrainingJob> trainingJobs() throws IOException;

    /** The directory a training job runs in (its log, its model, its input config). */
    Path trainingJobDirectory(String trainingJobName);

    /** Records where the warm-start parents were found when the tuning job began (absolute directories). */
    void saveWarmStartParents(List<Path> parentDirectories) throws IOException;

    /** The warm-start parents' directories as recorded; empty when none were (no warm start, or an older job). */
    List<Path> warmStartParents() throws IOException;
}
