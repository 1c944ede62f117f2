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
}
