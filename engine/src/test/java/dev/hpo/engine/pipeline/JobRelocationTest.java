package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hpo.engine.config.Channel;
import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.ScriptModeContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRelocationTest {

    @Test
    void everyPathInTheTunersJobDirectoryMovesToTheAgentsAndNothingElse(@TempDir Path buildDirectory) throws Exception {
        Path local = buildDirectory.resolve("hpo").resolve("p-7");
        Path jobDirectory = local.resolve("training-jobs").resolve("p-7-001-abc");
        LaunchRequest request = new ScriptModeContract().prepare("p-7-001-abc", jobDirectory, List.of("java", "-cp", "/opt/hpo/lib/*", "Main"),
                Map.of("eta", "0.3"), List.of(new Channel("train", Path.of("/agent/ws/data/train.csv"), null)), Map.of("A", "B"));

        JobRelocation.Relocated relocated = new JobRelocation(local, "/agent/ws/hpo-runs/p-7").relocate(request);

        String agentJob = "/agent/ws/hpo-runs/p-7/training-jobs/p-7-001-abc";
        assertEquals(agentJob, relocated.workingDirectory());
        assertEquals(agentJob + "/output.log", relocated.logFile());
        assertEquals(agentJob + "/model", relocated.environment().get("SM_MODEL_DIR"));
        assertEquals("/agent/ws/data/train.csv", relocated.environment().get("SM_CHANNEL_TRAIN"));
        assertEquals("B", relocated.environment().get("A"));
        assertEquals(request.command(), relocated.command());
        assertEquals(List.of(agentJob + "/model", agentJob + "/output", agentJob + "/input/config"), relocated.directories());
        assertEquals(Map.of(agentJob + "/input/config/hyperparameters.json", jobDirectory.resolve("input/config/hyperparameters.json")),
                relocated.files());
        assertFalse(relocated.environment().values().stream().anyMatch(v -> v.startsWith(local.toString())));
        // a sibling that merely shares the prefix is not inside the directory
        assertEquals(local + "-other/x", new JobRelocation(local, "/r").relocate(local + "-other/x"));
    }
}
