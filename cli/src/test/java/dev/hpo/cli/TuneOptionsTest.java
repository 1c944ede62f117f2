package dev.hpo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad option of tune is refused before anything exists on disk: no job directory, no tuner.lock. */
class TuneOptionsTest {
    @TempDir
    Path work;

    private static final String CONFIG = """
            {"HyperParameterTuningJobName": "opts",
             "HyperParameterTuningJobConfig": {"Strategy": "Random", "RandomSeed": 1,
               "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "loss"},
               "ResourceLimits": {"MaxNumberOfTrainingJobs": 1, "MaxParallelTrainingJobs": 1},
               "ParameterRanges": {"ContinuousParameterRanges": [{"Name": "x", "MinValue": "0", "MaxValue": "1"}]}},
             "TrainingJobDefinition": {"AlgorithmSpecification": {"ContainerEntrypoint": ["sh", "-c", "echo loss=1"],
               "MetricDefinitions": [{"Name": "loss", "Regex": "loss=(\\\\S+)"}]}}}
            """;

    @Test
    void aBadOptionLeavesNoJobDirectory() throws Exception {
        Path config = Files.writeString(work.resolve("opts.json"), CONFIG);
        Path output = work.resolve("out");
        for (List<String> options : List.of(List.of("--stop-grace", "abc"), List.of("--stop-grace", "-1"),
                List.of("--resume", "--replace"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> args = new java.util.ArrayList<>(List.of("tune", config.toString(), "--output", output.toString()));
            args.addAll(options);
            int code = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, message);
            assertTrue(message.contains(options.get(0).equals("--resume") ? "exclude each other" : "--stop-grace"), message);
            assertFalse(Files.exists(output), options + " left " + output);
        }
    }
}
