package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.strategy.Trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The book answers on every event what a recount of all jobs would, whatever order jobs end in. */
class TrainingJobBookTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static TrainingJob started(int index) {
        return TrainingJob.started("job-" + index, index, Map.of("x", Integer.toString(index)), T);
    }

    private static TrainingJob ended(TrainingJob job, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> job.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, "exit 1", Map.of(), Map.of(), T, 1);
            case 1 -> job.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null, "stopped", Map.of(), Map.of(), T, 143);
            default -> {
                double objective = random.nextInt(20) / 10.0; // ties on purpose
                yield job.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, objective, null,
                        Map.of("score", objective), Map.of(), T, 0);
            }
        };
    }

    /** What the tuner computed before the book: a scan in start order keeping the first strictly better job. */
    private static TrainingJob scannedBest(List<TrainingJob> jobs, ObjectiveType type) {
        TrainingJob best = null;
        for (TrainingJob job : jobs) {
            if (job.hasObjective() && (best == null || type.better(job.finalObjective(), best.finalObjective()))) {
                best = job;
            }
        }
        return best;
    }

    @Test
    void everyEventMatchesARecount() {
        for (ObjectiveType type : ObjectiveType.values()) {
            Random random = new Random(11);
            TrainingJobBook book = new TrainingJobBook(type);
            List<TrainingJob> byStart = new ArrayList<>();
            List<Integer> running = new ArrayList<>();
            int next = 0;
            while (next < 300 || !running.isEmpty()) {
                if (next < 300 && (running.size() < 4 || random.nextBoolean())) {
                    TrainingJob job = started(next);
                    byStart.add(job);
                    book.put(job.name(), job);
                    running.add(next++);
                } else {
                    int index = running.remove(random.nextInt(running.size()));
                    TrainingJob job = ended(byStart.get(index), random);
                    byStart.set(index, job);
                    book.put(job.name(), job);
                }
                assertEquals(Counters.of(byStart), book.counters());
                assertEquals(scannedBest(byStart, type), book.best(), type + " after " + byStart.size() + " jobs");
                List<Trial> trials = book.trials();
                assertEquals(byStart.size(), trials.size());
                for (int i = 0; i < trials.size(); i++) {
                    assertEquals(i, trials.get(i).index());
                    assertEquals(byStart.get(i).hasObjective(), trials.get(i).objective().isPresent());
                }
            }
            assertEquals(300, book.size());
        }
    }

    @Test
    void replacingTheBestJobsRecordLooksAgain() {
        TrainingJobBook book = new TrainingJobBook(ObjectiveType.Maximize);
        TrainingJob a = started(0).finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, 0.9, null, Map.of(), Map.of(), T, 0);
        TrainingJob b = started(1).finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, 0.5, null, Map.of(), Map.of(), T, 0);
        book.put(a.name(), a);
        book.put(b.name(), b);
        assertEquals(a, book.best());
        TrainingJob rerun = started(0);
        book.put(rerun.name(), rerun);
        assertEquals(b, book.best());
        book.put(b.name(), started(1));
        assertNull(book.best());
        assertEquals(2, book.counters().inProgress());
    }
}
