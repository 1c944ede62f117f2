package dev.hpo.engine.config;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.nio.file.Path;
import java.util.List;

/**
 * WarmStartConfig with each parent resolved to the directory that holds it, checked to be a finished
 * tuning job, and read once while the config was checked.
 */
public record WarmStart(WarmStartType type, List<Parent> parentJobs) {

    /** A parent tuning job's records as they were when the config was checked. */
    public record Parent(Path directory, TuningJob tuningJob, List<TrainingJob> trainingJobs) {
        public Parent {
            trainingJobs = List.copyOf(trainingJobs);
        }
    }

    public WarmStart {
        parentJobs = List.copyOf(parentJobs);
    }

    /** The parents' directories, in the order the config lists them. */
    public List<Path> parents() {
        return parentJobs.stream().map(Parent::directory).toList();
    }
}
