package dev.hpo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMetricsCommandTest {
    @TempDir
    Path work;

    private Path config(String finalValue) throws Exception {
        return Files.writeString(work.resolve("config.json"), """
                {"HyperParameterTuningJobName": "tm",
                 "HyperParameterTuningJobConfig": {"Strategy": "Random",
                   "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "loss"},
                   "ResourceLimits": {"MaxNumberOfTrainingJobs": 1, "MaxParallelTrainingJobs": 1},
                   "ParameterRanges": {"ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}]}},
                 "TrainingJobDefinition": {"AlgorithmSpecification": {"ContainerEntrypoint": ["sh"],
                   "MetricDefinitions": [{"Name": "loss", "Regex": "loss=([-+]?[0-9]*\\\\.?[0-9]+)", "FinalValue": "%s"},
                                         {"Name": "acc", "Regex": "acc=(\\\\S+)"}]}}}
                """.formatted(finalValue));
    }

    private record Run(int code, String out) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void showsWhatEachDefinitionCapturesLineByLine() throws Exception {
        Path log = Files.writeString(work.resolve("train.log"), "epoch 1 loss=0.5 acc=0.7\n\u001b[32mepoch 2\u001b[0m loss=0.25 acc=n/a\r3/3 loss=0.375\n");
        Run result = run("test-metrics", config("Last").toString(), log.toString());
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("line 2: epoch 2 loss=0.25 acc=n/a\n    loss = 0.25\n"), result.out());
        assertTrue(result.out().contains("line 3: 3/3 loss=0.375"), "a \\r ends a line: " + result.out());
        assertTrue(result.out().contains("acc = skipped: captured 'n/a', not a number"), result.out());
        assertTrue(result.out().contains("Objective loss (Minimize): 0.375"), result.out());
    }

    @Test
    void jsonGivesTheSameFactsAndTheFinalValueRule() throws Exception {
        Path log = Files.writeString(work.resolve("train.log"), "loss=0.5\nloss=0.25\nloss=0.375\n");
        Run result = run("test-metrics", config("Min").toString(), log.toString(), "--json");
        assertEquals(0, result.code(), result.out());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(3, json.path("Lines").size());
        assertEquals("0.25", json.path("Lines").get(1).path("Captures").path("loss").asText());
        assertEquals(0.25, json.path("Objective").path("Value").asDouble());
        assertEquals("Min", json.path("MetricDefinitions").get(0).path("FinalValue").asText());
    }

    @Test
    void aLogWithoutTheObjectiveExitsNonZeroWithTheReason() throws Exception {
        Path log = Files.writeString(work.resolve("train.log"), "Loss: 0.5\n");
        Run result = run("test-metrics", config("Last").toString(), log.toString());
        assertEquals(1, result.code());
        assertTrue(result.out().contains("not found"), result.out());
    }

    @Test
    void aLineLongerThanTheCapIsReportedAsCutWithTheLinesCutCounted() throws Exception {
        String huge = "x".repeat(1 << 20);
        // the second value of each long line lies past the cap: the tuner never sees it
        Path log = Files.writeString(work.resolve("train.log"), "loss=0.5\nloss=0.4 " + huge + " loss=0.1\n" + huge + "loss=0.2\nloss=0.3\n");
        Run text = run("test-metrics", config("Last").toString(), log.toString());
        assertEquals(0, text.code(), text.out());
        assertTrue(text.out().contains("(cut: longer than 1 MiB; only its first 1 MiB was matched)"), text.out());
        assertTrue(text.out().contains("4 lines, 3 with a capture, 2 cut at 1 MiB."), text.out());
        assertTrue(text.out().contains("warning: 2 lines were longer than 1 MiB (the first: line 2); only the first 1 MiB of each was matched"),
                text.out());
        assertTrue(text.out().contains("loss: 3 values"), text.out());

        JsonNode json = new ObjectMapper().readTree(run("test-metrics", config("Last").toString(), log.toString(), "--json").out());
        assertEquals(2, json.path("CutLineCount").asInt());
        assertTrue(json.path("Lines").get(1).path("Cut").asBoolean());
        assertTrue(json.path("Warnings").toString().contains("2 lines were longer than 1 MiB"), json.toString());
    }
}
