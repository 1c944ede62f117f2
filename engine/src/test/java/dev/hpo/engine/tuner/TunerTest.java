package dev.hpo.engine.tuner;

import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.launch.SimulatedLauncher.Script;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuner loop against the simulated launcher: the same loop real processes go through, without processes. */
class TunerTest {
    @TempDir
    Path directory;

    private TuningJobConfig config(int jobs, int parallel, long seed, String stopping) throws Exception {
        String json = """
                {
                  "HyperParameterTuningJobName": "sim",
                  "HyperParameterTuningJobConfig": {
                    "Strategy": "Random", "RandomSeed": %d,
                    "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "loss"},
                    "ResourceLimits": {"MaxNumberOfTrainingJobs": %d, "MaxParallelTrainingJobs": %d},
                    "ParameterRanges": {
                      "ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}],
                      "CategoricalParameterRanges": [{"Name": "mode", "Values": ["ok", "crash", "silent", "nan"]}]
                    }
                  },
                  "TrainingJobDefinition": {
                    "AlgorithmSpecification": {"ContainerEntrypoint": ["sh"],
                      "MetricDefinitions": [{"Name": "loss", "Regex": "loss=(\\\\S+)"}]},
                    "StaticHyperParameters": {"epochs": "3"}
                    %s
                  }
                }""".formatted(seed, jobs, parallel, stopping);
        return new ConfigParser(Map.of()).parse(json, directory, "sim.json");
    }

    /** (x - 0.3)^2 per epoch, getting better each epoch; other modes fail in the ways users report. */
    private static Script script(Map<String, String> hp) {
        double x = Double.parseDouble(hp.get("x"));
        double loss = (x - 0.3) * (x - 0.3);
        return switch (hp.get("mode")) {
            case "crash" -> Script.of(1, "loss=" + (loss + 1)).withStderr("Traceback: boom");
            case "silent" -> Script.of(0, "training done");
            case "nan" -> Script.of(0, "loss=" + loss, "loss=nan");
            default -> Script.of(0, "loss=" + (loss + 0.2), "loss=" + (loss + 0.1), "loss=" + loss);
        };
    }

    private TuningJob run(TuningJobConfig config, Path jobDirectory, SimulatedLauncher launcher) throws Exception {
        Files.createDirectories(jobDirectory);
        return new Tuner(config, new DirectoryStore(jobDirectory), jobDirectory, launcher, Map.of(), TuningListener.NONE,
                Clock.systemUTC(), 4).run();
    }

    @Test
    void runsTheBudgetWithinTheParallelLimitAndRecordsEveryOutcome() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(TunerTest::script);
        Path jobDirectory = directory.resolve("sim");
        TuningJob result = run(config(40, 3, 42, ""), jobDirectory, launcher);

        assertEquals(TuningJobStatus.Completed, result.status());
        assertEquals(40, launcher.launched());
        assertTrue(launcher.mostRunning() <= 3, "at most 3 at once, saw " + launcher.mostRunning());
        List<TrainingJob> jobs = new DirectoryStore(jobDirectory).trainingJobs();
        assertEquals(40, jobs.size());
        for (TrainingJob job : jobs) {
            String mode = job.tunedHyperParameters().get("mode");
            double x = Double.parseDouble(job.tunedHyperParameters().get("x"));
            switch (mode) {
                case "ok" -> {
                    assertEquals(TrainingJobStatus.Completed, job.status());
                    // the final value is the last one printed, not the best
                    assertEquals((x - 0.3) * (x - 0.3), job.finalObjective(), 1e-12);
                    assertEquals(3, job.series().get("loss").size());
                }
                case "crash" -> {
                    assertEquals(TrainingJobStatus.Failed, job.status());
                    assertTrue(job.failureReason().contains("code 1") && job.failureReason().contains("Traceback: boom"), job.failureReason());
                }
                case "silent" -> {
                    assertEquals(TrainingJobStatus.Failed, job.status());
                    assertTrue(job.failureReason().contains("not found"), job.failureReason());
                }
                case "nan" -> {
                    assertEquals(TrainingJobStatus.Failed, job.status());
                    assertTrue(job.failureReason().toLowerCase().contains("nan"), job.failureReason());
                }
                default -> throw new AssertionError(mode);
            }
            if (job.status() == TrainingJobStatus.Failed) {
                assertEquals(ObjectiveStatus.Failed, job.objectiveStatus());
                assertNull(job.finalObjective());
            }
        }
        TrainingJob best = jobs.stream().filter(TrainingJob::hasObjective)
                .min((a, b) -> Double.compare(a.finalObjective(), b.finalObjective())).orElseThrow();
        assertEquals(best.name(), result.bestTrainingJob().name());
        assertEquals(Counters.of(jobs), result.counters());
        assertEquals(40, result.counters().total());
        assertEquals(result, new DirectoryStore(jobDirectory).tuningJob().orElseThrow());
    }

    @Test
    void theSameSeedGivesTheSameTrainingJobs() throws Exception {
        run(config(12, 3, 7, ""), directory.resolve("a"), new SimulatedLauncher(TunerTest::script));
        run(config(12, 2, 7, ""), directory.resolve("b"), new SimulatedLauncher(TunerTest::script));
        Function<Path, List<Map<String, String>>> hyperParameters = d -> {
            try {
                return new DirectoryStore(d).trainingJobs().stream().map(TrainingJob::tunedHyperParameters).toList();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(hyperParameters.apply(directory.resolve("a")), hyperParameters.apply(directory.resolve("b")));
    }

    @Test
    void theTuningJobFailsWithAReasonOnlyWhenNoTrainingJobSucceeds() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> Script.of(2, "loss=0.5").withStderr("error: out of memory"));
        TuningJob result = run(config(5, 2, 1, ""), directory.resolve("f"), launcher);
        assertEquals(TuningJobStatus.Failed, result.status());
        assertEquals(5, result.counters().nonRetryableError());
        assertNull(result.bestTrainingJob());
        assertTrue(result.failureReason().contains("no training job produced the objective metric loss"), result.failureReason());
        assertTrue(result.failureReason().contains("out of memory"), result.failureReason());
    }

    @Test
    void aJobPastItsMaxRuntimeIsStoppedAndTheTuningJobGoesOn() throws Exception {
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> hp.get("mode").equals("ok")
                ? Script.of(0, "loss=0.25") : Script.hanging("loss=0.1"));
        TuningJob result = run(config(6, 6, 3, ", \"StoppingCondition\": {\"MaxRuntimeInSeconds\": 1}"), directory.resolve("t"), launcher);
        List<TrainingJob> jobs = new DirectoryStore(directory.resolve("t")).trainingJobs();
        long hanging = jobs.stream().filter(j -> !j.tunedHyperParameters().get("mode").equals("ok")).count();
        assertTrue(hanging > 0 && hanging < 6, "the seed must give both kinds, gave " + hanging + " hanging");
        for (TrainingJob job : jobs) {
            if (job.tunedHyperParameters().get("mode").equals("ok")) {
                assertEquals(TrainingJobStatus.Completed, job.status());
            } else {
                assertEquals(TrainingJobStatus.Stopped, job.status());
                assertTrue(job.failureReason().contains("MaxRuntimeInSeconds"), job.failureReason());
            }
        }
        assertEquals(TuningJobStatus.Completed, result.status());
        assertNotNull(result.bestTrainingJob());
        assertEquals(0.25, result.bestTrainingJob().finalObjective());
    }

    @Test
    void aFloodOfValuesIsBoundedInTheRecordAndSaidSo() throws Exception {
        String[] lines = new String[100_005];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "loss=" + (1.0 / (i + 1));
        }
        TuningJob result = run(config(1, 1, 5, ""), directory.resolve("flood"), new SimulatedLauncher(hp -> Script.of(0, lines)));
        TrainingJob job = new DirectoryStore(directory.resolve("flood")).trainingJobs().get(0);
        assertEquals(1.0 / lines.length, result.bestTrainingJob().finalObjective(), 0.0, "the final value is the last of them all");
        assertTrue(job.series().get("loss").size() < lines.length);
        assertTrue(job.warnings().stream().anyMatch(w -> w.contains("emitted 100005 values")), job.warnings().toString());
    }
}
