package dev.hpo.engine.strategy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.validation.ConfigProblem;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.config.WarmStartType;
import dev.hpo.engine.launch.SimulatedLauncher;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TuningListener;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.describe.WarmStartParents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warm start end to end: a parent tuning job runs through the tuner, a child names it and learns from its jobs. */
class WarmStartTest {
    @TempDir
    Path output;

    private static String config(String name, String strategy, String objectiveType, String ranges, String statics,
                                 String warmStart, int jobs) {
        return """
                {"HyperParameterTuningJobName": "%s",
                 "HyperParameterTuningJobConfig": {
                   "Strategy": "%s", "RandomSeed": 1,
                   "HyperParameterTuningJobObjective": {"Type": "%s", "MetricName": "loss"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": %d, "MaxParallelTrainingJobs": 1},
                   "ParameterRanges": {"ContinuousParameterRanges": [%s]}},
                 "TrainingJobDefinition": {
                   "AlgorithmSpecification": {"ContainerEntrypoint": ["true"],
                     "MetricDefinitions": [{"Name": "loss", "Regex": "loss=(\\\\S+)"}]},
                   "StaticHyperParameters": %s,
                   "OutputDataConfig": {"S3OutputPath": "."}}
                 %s}
                """.formatted(name, strategy, objectiveType, jobs, ranges, statics, warmStart);
    }

    private static final String X_AND_Y = """
            {"Name": "x", "MinValue": "0", "MaxValue": "1"}, {"Name": "y", "MinValue": "0", "MaxValue": "1"}""";

    private static String parents(String type, String... names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.length() == 0 ? "" : ",").append("{\"HyperParameterTuningJobName\": \"").append(name).append("\"}");
        }
        return ", \"WarmStartConfig\": {\"WarmStartType\": \"" + type + "\", \"ParentHyperParameterTuningJobs\": [" + list + "]}";
    }

    private TuningJobConfig parse(String json) throws ConfigException {
        return new ConfigParser(Map.of()).parse(json, output, "test.json");
    }

    private TuningJob tune(TuningJobConfig config) throws Exception {
        Path directory = output.resolve(config.name());
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> {
            double x = Double.parseDouble(hp.get("x"));
            double y = Double.parseDouble(hp.getOrDefault("y", "0.5"));
            return SimulatedLauncher.Script.of(0, "loss=" + ((x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6)));
        });
        return new Tuner(config, new DirectoryStore(directory), directory, launcher, Map.of(), TuningListener.NONE,
                Clock.systemUTC(), 1).run();
    }

    @Test
    void aChildLearnsFromItsParentsJobs() throws Exception {
        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 12)));
        TuningJobConfig child = parse(config("child", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 3));
        assertEquals(WarmStartType.IdenticalDataAndAlgorithm, child.warmStart().type());
        assertEquals(List.of(output.resolve("parent").toAbsolutePath().normalize()), child.warmStart().parents());
        List<Trial> trials = ParentTrials.load(child.warmStart(), child.space());
        assertEquals(12, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.outcome() == Trial.Outcome.SUCCEEDED));
        TuningJob result = tune(child);
        assertEquals(TuningJobStatus.Completed, result.status());
        double parentBest = new DirectoryStore(output.resolve("parent")).tuningJob().orElseThrow().bestTrainingJob().finalObjective();
        assertTrue(result.bestTrainingJob().finalObjective() < parentBest,
                "3 model-guided jobs improve on the parent's best of 12 random ones: " + result.bestTrainingJob().finalObjective() + " vs " + parentBest);
    }

    @Test
    void describeNamesTheOverallBestAcrossParentsForIdenticalDataAndAlgorithm() throws Exception {
        TuningJob parent = tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 12)));
        // one job from a far corner cannot beat the parent's best of 12
        TuningJob child = tune(parse(config("child", "Random", "Minimize", X_AND_Y.replace("\"MaxValue\": \"1\"", "\"MaxValue\": \"0.01\""), "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 1)));
        JsonNode description = TuningJobDescription.of(child, Instant.now(), List.of(parent));
        assertEquals("IdenticalDataAndAlgorithm", description.path("WarmStartConfig").path("WarmStartType").asText());
        assertEquals(parent.bestTrainingJob().name(), description.path("OverallBestTrainingJob").path("TrainingJobName").asText());
        assertEquals("parent", description.path("OverallBestTrainingJob").path("TuningJobName").asText());
        assertEquals(child.bestTrainingJob().name(), description.path("BestTrainingJob").path("TrainingJobName").asText());
        // result.json finds the parent next to the job, as describe does
        JsonNode result = Json.mapper().readTree(ResultFile.write(output.resolve("child"), child).toFile());
        assertEquals(parent.bestTrainingJob().name(), result.path("OverallBestTrainingJob").path("TrainingJobName").asText());
        assertEquals("parent", result.path("OverallBestTrainingJob").path("TuningJobName").asText());
        assertEquals(parent.bestTrainingJob().finalObjective(), result.path("OverallBestTrainingJob").path("Value").asDouble());
        assertEquals(child.bestTrainingJob().name(), result.path("BestTrainingJob").path("TrainingJobName").asText());

        TuningJob transfer = tune(parse(config("transfer", "Random", "Minimize", X_AND_Y, "{}", parents("TransferLearning", "parent"), 1)));
        assertTrue(TuningJobDescription.of(transfer, Instant.now(), List.of(parent)).path("OverallBestTrainingJob").isMissingNode(),
                "SageMaker adds OverallBestTrainingJob for IdenticalDataAndAlgorithm only");
    }

    /** tune --output puts the child elsewhere than the output directory its parents were found in. */
    @Test
    void theResultFindsTheParentsWhereTheTunerFoundThemWhenTheChildIsWrittenElsewhere() throws Exception {
        TuningJob parent = tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 12)));
        TuningJobConfig config = parse(config("child", "Random", "Minimize", X_AND_Y.replace("\"MaxValue\": \"1\"", "\"MaxValue\": \"0.01\""), "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 1));
        Path elsewhere = output.resolve("elsewhere").resolve("child");
        SimulatedLauncher launcher = new SimulatedLauncher(hp -> SimulatedLauncher.Script.of(0, "loss=5"));
        TuningJob child = new Tuner(config, new DirectoryStore(elsewhere), elsewhere, launcher, Map.of(), TuningListener.NONE,
                Clock.systemUTC(), 1).run();

        assertEquals(List.of(output.resolve("parent").toAbsolutePath().normalize()), new DirectoryStore(elsewhere).warmStartParents());
        JsonNode result = Json.mapper().readTree(ResultFile.write(elsewhere, child).toFile());
        assertEquals(parent.bestTrainingJob().name(), result.path("OverallBestTrainingJob").path("TrainingJobName").asText());
        assertEquals(parent.bestTrainingJob().name(), TuningJobDescription.overallBest(child, WarmStartParents.of(child, elsewhere))
                .orElseThrow().path("TrainingJobName").asText());
    }

    @Test
    void aTunedHyperparameterMadeStaticTakesItsValueFromTheStatics() throws Exception {
        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 6)));
        // y becomes static: the count of hyperparameters (2) stays the same, as warm start requires
        TuningJobConfig child = parse(config("child", "Bayesian", "Minimize",
                "{\"Name\": \"x\", \"MinValue\": \"0\", \"MaxValue\": \"0.5\"}", "{\"y\": \"0.6\"}",
                parents("TransferLearning", "parent"), 2));
        List<Trial> trials = ParentTrials.load(child.warmStart(), child.space());
        assertTrue(trials.size() < 6 && !trials.isEmpty(), "only the parent's jobs with x in the narrowed range count: " + trials.size());
        assertTrue(trials.stream().allMatch(t -> t.hyperParameters().keySet().equals(java.util.Set.of("x"))));
    }

    @Test
    void parentsMustExistAndBeFinished() throws Exception {
        List<ConfigProblem> missing = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "nobody"), 3))).problems();
        assertEquals("WarmStartConfig.ParentHyperParameterTuningJobs[0].HyperParameterTuningJobName", missing.get(0).fieldPath());

        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 2)));
        Path state = output.resolve("parent").resolve(DirectoryStore.TUNING_JOB_FILE);
        Files.writeString(state, Files.readString(state).replace("\"Completed\"", "\"InProgress\""));
        List<ConfigProblem> running = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 3))).problems();
        assertTrue(running.get(0).message().contains("InProgress"), running.toString());

        tune(parse(config("again", "Random", "Minimize", X_AND_Y, "{}", "", 2)));
        List<ConfigProblem> itself = assertThrows(ConfigException.class, () -> parse(config("again", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "again"), 3))).problems();
        assertEquals("WarmStartConfig.ParentHyperParameterTuningJobs[0].HyperParameterTuningJobName", itself.get(0).fieldPath());
        assertTrue(itself.get(0).message().contains("cannot be its own parent"), itself.toString());
    }

    @Test
    void aDamagedParentIsRefusedAtParseTimeWithItsFieldPath() throws Exception {
        String path = "WarmStartConfig.ParentHyperParameterTuningJobs[0].HyperParameterTuningJobName";
        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 2)));
        Path parent = output.resolve("parent").toAbsolutePath().normalize();
        DirectoryStore store = new DirectoryStore(parent);
        Path record = store.trainingJobDirectory(store.trainingJobs().get(0).name()).resolve(DirectoryStore.TRAINING_JOB_FILE);
        String good = Files.readString(record);
        Files.writeString(record, "{\"name\": ");
        List<ConfigProblem> damaged = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 3))).problems();
        assertEquals(1, damaged.size(), damaged.toString());
        assertEquals(path, damaged.get(0).fieldPath());
        assertTrue(damaged.get(0).message().startsWith("cannot read the parent " + parent + ": " + record + " is damaged"), damaged.toString());
        Files.writeString(record, good);

        Path state = parent.resolve(DirectoryStore.TUNING_JOB_FILE);
        ObjectNode tuningJob = (ObjectNode) new ObjectMapper().readTree(state.toFile());
        tuningJob.remove("request");
        Files.writeString(state, tuningJob.toString());
        List<ConfigProblem> noRequest = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y, "{}",
                parents("IdenticalDataAndAlgorithm", "parent"), 3))).problems();
        assertEquals(List.of(new ConfigProblem(path, "the parent's record " + state
                + " lacks its config (the request field), so it cannot be checked against this job")), noRequest);
    }

    @Test
    void aMissingParentIsReportedWithWhereItWasLookedFor() throws Exception {
        String json = config("child", "Bayesian", "Minimize", X_AND_Y, "{}", parents("TransferLearning", "nobody"), 3)
                .replace("\"S3OutputPath\": \".\"", "\"S3OutputPath\": \"runs\"");
        List<ConfigProblem> missing = assertThrows(ConfigException.class, () -> parse(json)).problems();
        Path root = output.toAbsolutePath().normalize();
        assertEquals(List.of(new ConfigProblem("WarmStartConfig.ParentHyperParameterTuningJobs[0].HyperParameterTuningJobName",
                "no tuning job 'nobody' (looked for tuning-job.json in " + root.resolve("runs/nobody") + " and in " + root.resolve("nobody")
                        + "); give the name of a tuning job in TrainingJobDefinition.OutputDataConfig.S3OutputPath or the path to its directory")),
                missing);
    }

    @Test
    void sageMakersRulesAreChecked() throws Exception {
        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{\"z\": \"1\"}", "", 2)));
        List<ConfigProblem> objective = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Maximize", X_AND_Y,
                "{\"z\": \"1\"}", parents("TransferLearning", "parent"), 3))).problems();
        assertTrue(objective.get(0).message().contains("objective"), objective.toString());

        List<ConfigProblem> count = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y,
                "{}", parents("TransferLearning", "parent"), 3))).problems();
        assertTrue(count.get(0).message().contains("3 hyperparameters"), count.toString());

        List<ConfigProblem> identical = assertThrows(ConfigException.class, () -> parse(config("child", "Bayesian", "Minimize", X_AND_Y,
                "{\"z\": \"1\"}", parents("IdenticalDataAndAlgorithm", "parent"), 3).replace("[\"true\"]", "[\"true\", \"--v2\"]"))).problems();
        assertTrue(identical.get(0).message().contains("AlgorithmSpecification"), identical.toString());

        List<ConfigProblem> grid = assertThrows(ConfigException.class, () -> parse(config("child", "Hyperband", "Minimize", X_AND_Y,
                "{\"z\": \"1\"}", parents("TransferLearning", "parent"), 3))).problems();
        assertTrue(grid.stream().anyMatch(p -> p.fieldPath().equals("WarmStartConfig")), grid.toString());
    }

    @Test
    void randomSearchIgnoresTheParentsJobs() throws Exception {
        tune(parse(config("parent", "Random", "Minimize", X_AND_Y, "{}", "", 4)));
        TuningJob warm = tune(parse(config("child", "Random", "Minimize", X_AND_Y, "{}", parents("TransferLearning", "parent"), 3)));
        TuningJob cold = tune(parse(config("cold", "Random", "Minimize", X_AND_Y, "{}", "", 3)));
        assertEquals(cold.counters(), warm.counters());
        assertEquals(new DirectoryStore(output.resolve("cold")).trainingJobs().stream().map(j -> j.tunedHyperParameters()).toList(),
                new DirectoryStore(output.resolve("child")).trainingJobs().stream().map(j -> j.tunedHyperParameters()).toList());
    }
}
