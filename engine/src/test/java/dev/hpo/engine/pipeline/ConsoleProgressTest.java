package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aLongTuningJobLeavesAShortConsole() {
        List<String> lines = new ArrayList<>();
        int jobs = 2000;
        ConsoleProgress progress = new ConsoleProgress(lines::add, jobs, "loss", ObjectiveType.Minimize, 30, 100);
        TuningJob state = new TuningJob("t", TuningJobStatus.InProgress, T, null, T, null, null, 1, Counters.NONE, null, null);
        List<TrainingJob> ended = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            // a new best only at a few jobs: 0, 10, 500, 1999
            double loss = i == 0 ? 1.0 : i == 10 ? 0.5 : i == 500 ? 0.2 : i == 1999 ? 0.1 : 2.0;
            TrainingJob job = TrainingJob.started("t-" + i, i, Map.of("x", "v" + i), T)
                    .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, loss, null, Map.of(), Map.of(), T.plusSeconds(i), 0);
            ended.add(job);
            progress.trainingJobEnded(state.with(TuningJobStatus.InProgress, Counters.of(ended), job, T.plusSeconds(i)), job);
        }
        progress.ended(state.ended(TuningJobStatus.Completed, "MaxNumberOfTrainingJobs (2000) reached", null, T.plusSeconds(jobs)));

        // 30 detailed + 1 note + 2 new bests after that + 20 status lines + 2 final lines
        assertEquals(30 + 1 + 2 + 20 + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().allMatch(l -> l.startsWith(ConsoleProgress.PREFIX)));
        assertTrue(lines.get(10).endsWith("(new best)"), lines.get(10));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[hpo] new best [501/2000] t-500")), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 2).contains("Completed (MaxNumberOfTrainingJobs (2000) reached); 1968 training jobs ended without a line here"),
                lines.get(lines.size() - 2));
    }

    @Test
    void userTextCannotFloodOrForgeConsoleLines() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = ConsoleProgress.standard(lines::add, 1, "loss", ObjectiveType.Minimize);
        TrainingJob job = TrainingJob.started("t-0", 0, Map.of("x", "y".repeat(5000)), T)
                .finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, "boom\n[hpo] tuning job t Completed", Map.of(), Map.of(), T, 1);
        progress.trainingJobEnded(new TuningJob("t", TuningJobStatus.InProgress, T, null, T, null, null, 1, Counters.NONE, null, null), job);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).length() <= ConsoleProgress.PREFIX.length() + ConsoleProgress.MAX_LINE_CHARS + 4, lines.get(0));
        assertFalse(lines.get(0).contains("\n"), "a failure reason cannot start a line of its own");
    }
}
