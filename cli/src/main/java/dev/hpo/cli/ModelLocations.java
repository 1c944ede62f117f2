package dev.hpo.cli;

import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.promote.ModelCard;
import dev.hpo.engine.promote.Promotion;
import dev.hpo.engine.store.DirectoryStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets evaluate and predict take whatever a user has at hand: a tuning job's directory (its best
 * training job's model), a training job's directory, a model directory or a model file.
 */
final class ModelLocations {
    private ModelLocations() {
    }

    static Path resolve(String argument) throws UsageException, IOException {
        Path path = Path.of(argument);
        if (!Files.exists(path)) {
            throw new UsageException("model '" + argument + "' does not exist");
        }
        if (DirectoryStore.holdsTuningJob(path)) {
            DirectoryStore store = new DirectoryStore(path);
            TuningJob job = store.tuningJob().orElseThrow();
            if (job.bestTrainingJob() == null) {
                throw new UsageException("tuning job " + job.name() + " has no best training job yet (status " + job.status() + ")");
            }
            return store.trainingJobDirectory(job.bestTrainingJob().name()).resolve("model");
        }
        if (Files.isRegularFile(path.resolve(ModelCard.FILE_NAME))) {
            return path.resolve(Promotion.MODEL_DIRECTORY);
        }
        if (Files.isRegularFile(path.resolve(DirectoryStore.TRAINING_JOB_FILE))) {
            return path.resolve("model");
        }
        return path;
    }
}
