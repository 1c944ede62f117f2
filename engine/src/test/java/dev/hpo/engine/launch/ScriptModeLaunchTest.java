package dev.hpo.engine.launch;

import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TuningListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Python training script under SageMaker's script-mode conventions, launched by the local
 * launcher: the shared cases hp-26 (an integer must arrive as "2", which argparse's int accepts, never
 * "2.0") and hp-28 (a categorical value with spaces is one argument), and the channels, model
 * directory, environment and hyperparameters.json a script reads.
 */
class ScriptModeLaunchTest {
    @TempDir
    Path directory;

    private static final String SCRIPT = """
            import argparse, json, os, sys
            p = argparse.ArgumentParser()
            p.add_argument('--optimizer', type=str, required=True)
            p.add_argument('--layers', type=int, required=True)
            p.add_argument('--epochs', type=int, required=True)
            a = p.parse_args()
            hps = json.load(open(os.path.join('input', 'config', 'hyperparameters.json')))
            assert hps['layers'] == str(a.layers), hps
            assert json.loads(os.environ['SM_HPS'])['optimizer'] == a.optimizer
            assert os.environ['SM_HP_OPTIMIZER'] == a.optimizer
            assert os.environ['GREETING'] == 'hello from Environment'
            assert open(os.environ['SM_CHANNEL_TRAIN']).read().startswith('1,')
            open(os.path.join(os.environ['SM_MODEL_DIR'], 'model.txt'), 'w').write(a.optimizer)
            base = 0.1 if a.optimizer == 'sgd with nesterov' else 0.3
            for epoch in range(a.epochs):
                print('epoch %d val_loss=%.4f' % (epoch, base + a.layers / 10 + 0.1 * (a.epochs - epoch)), flush=True)
            print('done', file=sys.stderr)
            """;

    @Test
    void aPythonScriptReceivesItsInputsAsSageMakerScriptModeGivesThem() throws Exception {
        Files.writeString(directory.resolve("train.py"), SCRIPT);
        Files.writeString(directory.resolve("train.csv"), "1,0.5\n0,0.2\n");
        String json = """
                {
                  "HyperParameterTuningJobName": "script-mode",
                  "HyperParameterTuningJobConfig": {
                    "Strategy": "Grid",
                    "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "val_loss"},
                    "ResourceLimits": {"MaxParallelTrainingJobs": 2},
                    "ParameterRanges": {
                      "IntegerParameterRanges": [{"Name": "layers", "MinValue": "1", "MaxValue": "2"}],
                      "CategoricalParameterRanges": [{"Name": "optimizer", "Values": ["adam", "sgd with nesterov"]}]
                    }
                  },
                  "TrainingJobDefinition": {
                    "AlgorithmSpecification": {"ContainerEntrypoint": ["python3", "train.py"],
                      "MetricDefinitions": [{"Name": "val_loss", "Regex": "val_loss=([0-9.]+)"}]},
                    "StaticHyperParameters": {"epochs": "3"},
                    "Environment": {"GREETING": "hello from Environment"},
                    "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "train.csv"}}}]
                  }
                }""";
        TuningJobConfig config = new ConfigParser(Map.of()).parse(json, directory, "script-mode.json");
        Path jobDirectory = Files.createDirectories(directory.resolve("runs/script-mode"));
        TuningJob result = new Tuner(config, new DirectoryStore(jobDirectory), jobDirectory, new LocalLauncher(), Map.of(),
                TuningListener.NONE, Clock.systemUTC(), 2).run();

        List<TrainingJob> jobs = new DirectoryStore(jobDirectory).trainingJobs();
        for (TrainingJob job : jobs) {
            assertEquals(TrainingJobStatus.Completed, job.status(), job.name() + ": " + job.failureReason());
            assertEquals(List.of(3), List.of(job.series().get("val_loss").size()));
        }
        assertEquals(TuningJobStatus.Completed, result.status());
        assertEquals(4, jobs.size());
        assertEquals(Map.of("layers", "1", "optimizer", "sgd with nesterov"), result.bestTrainingJob().tunedHyperParameters());
        assertEquals(0.3, result.bestTrainingJob().finalObjective(), 1e-9);
        Path best = jobDirectory.resolve("training-jobs").resolve(result.bestTrainingJob().name());
        assertEquals("sgd with nesterov", Files.readString(best.resolve("model/model.txt")));
        assertTrue(Files.readString(best.resolve("output.log")).contains("done"));
    }
}
