package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean child JVM really trains: its four class path entries hold everything the job loads. */
class TrainingJvmTest {
    @TempDir
    Path dir;

    @Test
    void theLeanClassPathNamesOnlyWhatTheJobUses() {
        String[] entries = TrainingJvm.classPath().split(File.pathSeparator);
        assertEquals(4, entries.length, String.join("\n", entries));
        for (String entry : entries) {
            assertTrue(Files.exists(Path.of(entry)), entry);
            assertFalse(entry.contains("jackson") || entry.contains("scala") || entry.contains("hpo-engine"), entry);
        }
    }

    @Test
    void aTrainingJobRunsInTheLeanJvm() throws Exception {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0.5,3\n0,0.1,2\n1,0.9,1\n0,0.2,5\n1,0.7,2\n0,0.3,4\n");
        List<String> command = new ArrayList<>(TrainingJvm.command(TrainingJvm.currentJava(), TrainingJvm.classPath(), Optional.empty()));
        command.addAll(List.of("--num_round", "3", "--objective", "binary:logistic", "--min_child_weight", "0", "--eval_metric", "logloss"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("SM_CHANNEL_TRAIN", train.toString());
        builder.environment().put("SM_MODEL_DIR", dir.resolve("model").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        List<String> out = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(3, out.size(), String.join("\n", out));
        assertTrue(out.get(2).startsWith("[2]\ttrain-logloss:"), out.get(2));
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve(ModelFiles.MODEL_FILE_NAME)));
    }
}
