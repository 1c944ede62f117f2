package dev.hpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.xgboost.BankMarketingPreparation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job end to end on a slice of the bundled bank-marketing data: real child JVMs, real XGBoost,
 * the real store, through the command line as a user runs it. Small enough for CI (about 20 s on 2 cores).
 */
class TuneEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Path jobDirectory;
    private static String tuneOutput;
    private static int tuneExit;

    record Run(int exitCode, String out, String err) {
    }

    static Run hpo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path exampleFile(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("examples/bank-marketing").resolve(name))) {
            dir = dir.getParent();
        }
        return dir.resolve("examples/bank-marketing").resolve(name);
    }

    private static void slice(Path from, Path to, int rows) throws IOException {
        try (var lines = Files.lines(from)) {
            Files.write(to, lines.limit(rows).toList());
        }
    }

    @BeforeAll
    static void tuneASliceOfTheExample() throws Exception {
        Path prepared = work.resolve("prepared");
        BankMarketingPreparation.prepare(exampleFile("bank-additional-full.csv.gz"), prepared, BankMarketingPreparation.DEFAULT_SEED);
        Path data = Files.createDirectories(work.resolve("data"));
        slice(prepared.resolve("train.csv"), data.resolve("train.csv"), 4000);
        slice(prepared.resolve("validation.csv"), data.resolve("validation.csv"), 2000);

        // the shipped example config, shrunk: fewer jobs and rounds, same shape
        JsonNode example = JSON.readTree(exampleFile("tuning-job.json").toFile());
        String config = example.toString()
                .replace("\"MaxNumberOfTrainingJobs\":20", "\"MaxNumberOfTrainingJobs\":6")
                .replace("\"MaxParallelTrainingJobs\":3", "\"MaxParallelTrainingJobs\":2")
                .replace("\"num_round\":\"100\"", "\"num_round\":\"20\"");
        Path configFile = work.resolve("tuning-job.json");
        Files.writeString(configFile, config);
        Run run = hpo("tune", configFile.toString(), "--output", work.resolve("runs").toString());
        tuneExit = run.exitCode();
        tuneOutput = run.out() + run.err();
        jobDirectory = work.resolve("runs").resolve(example.get("HyperParameterTuningJobName").asText());
    }

    @Test
    void tuneCompletesAndPrintsTheBestTrainingJob() {
        assertEquals(0, tuneExit, tuneOutput);
        assertTrue(tuneOutput.contains("Best training job: bank-marketing-xgboost-"), tuneOutput);
        assertTrue(tuneOutput.contains("note: these fields only apply in the cloud and are ignored here"), tuneOutput);
        assertTrue(tuneOutput.contains("TrainingJobDefinition.RoleArn"), tuneOutput);
    }

    @Test
    void describeJsonHasSageMakersShape() throws Exception {
        Run run = hpo("describe", jobDirectory.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode describe = JSON.readTree(run.out());
        assertEquals("Completed", describe.get("HyperParameterTuningJobStatus").asText());
        assertEquals(6, describe.at("/TrainingJobStatusCounters/Completed").asInt());
        assertEquals(0, describe.at("/TrainingJobStatusCounters/NonRetryableError").asInt());
        assertEquals(6, describe.at("/ObjectiveStatusCounters/Succeeded").asInt());
        assertEquals("validation:auc", describe.at("/BestTrainingJob/FinalHyperParameterTuningJobObjectiveMetric/MetricName").asText());
        assertEquals("Maximize", describe.at("/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective/Type").asText());

        Run list = hpo("list-training-jobs", jobDirectory.toString(), "--json");
        JsonNode summaries = JSON.readTree(list.out()).get("TrainingJobSummaries");
        assertEquals(6, summaries.size());
        double best = describe.at("/BestTrainingJob/FinalHyperParameterTuningJobObjectiveMetric/Value").asDouble();
        for (JsonNode summary : summaries) {
            assertTrue(summary.at("/FinalHyperParameterTuningJobObjectiveMetric/Value").asDouble() <= best, summary.toString());
            // integers reach the job as integers
            assertTrue(summary.at("/TunedHyperParameters/max_depth").asText().matches("\\d+"), summary.toString());
        }
    }

    @Test
    void theBestObjectiveIsWhatRetrainingItsHyperparametersGives() throws Exception {
        JsonNode describe = JSON.readTree(hpo("describe", jobDirectory.toString(), "--json").out());
        String best = describe.at("/BestTrainingJob/TrainingJobName").asText();
        double recorded = describe.at("/BestTrainingJob/FinalHyperParameterTuningJobObjectiveMetric/Value").asDouble();
        Path bestDirectory = jobDirectory.resolve("training-jobs").resolve(best);
        Map<String, String> hyperParameters = JSON.readValue(
                bestDirectory.resolve("input/config/hyperparameters.json").toFile(), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));

        // retrain from scratch in a fresh directory, as a user would from the printed hyperparameters
        List<String> command = new ArrayList<>(BuiltInAlgorithms.all().get("xgboost").command());
        hyperParameters.forEach((name, value) -> {
            if (!name.startsWith("_")) {
                command.add("--" + name);
                command.add(value);
            }
        });
        Path retrain = Files.createDirectories(work.resolve("retrain"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(retrain.toFile())
                .redirectErrorStream(true).redirectOutput(retrain.resolve("output.log").toFile());
        builder.environment().put("SM_CHANNEL_TRAIN", work.resolve("data/train.csv").toString());
        builder.environment().put("SM_CHANNEL_VALIDATION", work.resolve("data/validation.csv").toString());
        builder.environment().put("SM_MODEL_DIR", Files.createDirectories(retrain.resolve("model")).toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        List<String> log = Files.readAllLines(retrain.resolve("output.log"));
        assertEquals(0, process.exitValue(), String.join("\n", log));
        String last = log.stream().filter(l -> l.contains("validation-auc:")).reduce((a, b) -> b).orElseThrow();
        double retrained = Double.parseDouble(last.replaceAll(".*validation-auc:(\\S+).*", "$1"));
        assertEquals(recorded, retrained, 1e-12, "recorded " + recorded + ", retrained " + retrained);
    }

    @Test
    void eachTrainingJobKeepsItsLogModelAndInputs() throws Exception {
        try (var jobs = Files.list(jobDirectory.resolve("training-jobs"))) {
            for (Path job : jobs.toList()) {
                assertTrue(Files.readString(job.resolve("output.log")).contains("validation-auc:"), job.toString());
                assertTrue(Files.isRegularFile(job.resolve("training-job.json")), job.toString());
                assertTrue(Files.isRegularFile(job.resolve("input/config/hyperparameters.json")), job.toString());
                try (var model = Files.list(job.resolve("model"))) {
                    assertTrue(model.findAny().isPresent(), "model written for " + job);
                }
            }
        }
    }

    @Test
    void evaluateScoresTheBestModelOnHeldOutData() {
        Run run = hpo("evaluate", jobDirectory.toString(), work.resolve("data/validation.csv").toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("auc") && run.out().contains("confusion"), run.out());
    }

    @Test
    void tuneLeavesResultJsonAndAFinishedDashboard() throws Exception {
        JsonNode result = JSON.readTree(jobDirectory.resolve("result.json").toFile());
        JsonNode describe = JSON.readTree(hpo("describe", jobDirectory.toString(), "--json").out());
        assertEquals("Completed", result.path("HyperParameterTuningJobStatus").asText());
        assertEquals(describe.at("/BestTrainingJob/TrainingJobName").asText(), result.at("/BestTrainingJob/TrainingJobName").asText());
        assertEquals(describe.at("/BestTrainingJob/FinalHyperParameterTuningJobObjectiveMetric/Value").asDouble(),
                result.at("/BestTrainingJob/Value").asDouble());
        assertEquals(6, result.at("/TrainingJobStatusCounters/Completed").asInt());
        String page = Files.readString(jobDirectory.resolve("report.html"));
        assertTrue(page.contains("id=\"report-data\""), "the dashboard was written");
        assertTrue(!page.contains("http-equiv=\"refresh\""), "a finished job's dashboard does not reload");
        assertTrue(tuneOutput.contains("Dashboard: " + jobDirectory.toAbsolutePath().normalize().resolve("report.html")), tuneOutput);
    }

    @Test
    void theServedBestModelAnswersWithPredictsScores() throws Exception {
        Path features = work.resolve("features.csv");
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(work.resolve("data/validation.csv")).subList(0, 300)) {
            rows.add(line.substring(line.indexOf(',') + 1));
        }
        Files.write(features, rows);
        Run predicted = hpo("predict", jobDirectory.toString(), features.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        Path promoted = work.resolve("promoted");
        assertEquals(0, hpo("promote", jobDirectory.toString(), promoted.toString()).exitCode());
        try (var server = dev.hpo.xgboost.serve.InferenceServer.start(ModelLocations.resolve(promoted.toString()), "127.0.0.1", 0, 2)) {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/invocations"))
                            .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofFile(features)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(predicted.out(), response.body());
        }
    }
}
