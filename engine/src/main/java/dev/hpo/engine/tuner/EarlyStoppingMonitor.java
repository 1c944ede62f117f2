package dev.hpo.engine.tuner;

import dev.hpo.engine.config.ObjectiveType;
import dev.hpo.engine.earlystop.EarlyStopping;
import dev.hpo.engine.earlystop.ObjectiveProgress;
import dev.hpo.engine.model.TrainingJob;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds an {@link EarlyStopping} rule every new objective value of every running job, on the output
 * thread that scraped it, so the decision is taken at that step (not whenever the loop next looks)
 * and is the same from run to run for the same logs.
 */
final class EarlyStoppingMonitor {
    private final EarlyStopping rule;
    private final String objectiveName;
    private final ObjectiveType direction;
    private final Duration grace;
    private final Map<String, RunningTrainingJob> running;
    private final Map<Integer, ObjectiveProgress> finished = new ConcurrentHashMap<>();
    private final Map<RunningTrainingJob, Integer> checkedSteps = new ConcurrentHashMap<>();

    EarlyStoppingMonitor(EarlyStopping rule, String objectiveName, ObjectiveType direction, Duration grace,
                         Map<String, RunningTrainingJob> running) {
        this.rule = rule;
        this.objectiveName = objectiveName;
        this.direction = direction;
        this.grace = grace;
        this.running = running;
    }

    /** A finished job joins the history the rule compares against (its series never changes again). */
    void finished(TrainingJob job) {
        List<Double> values = job.series().getOrDefault(objectiveName, List.of());
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        finished.put(job.index(), new ObjectiveProgress(job.index(), array, true,
                job.hasObjective() ? OptionalDouble.of(job.finalObjective()) : OptionalDouble.empty()));
    }

    synchronized void onObjectiveValue(RunningTrainingJob run) {
        if (run.stopCause() != RunningTrainingJob.StopCause.NONE) {
            return;
        }
        double[] values = run.objectiveValues();
        int from = checkedSteps.getOrDefault(run, 0);
        List<ObjectiveProgress> others = others(run);
        for (int steps = from + 1; steps <= values.length; steps++) {
            ObjectiveProgress job = ObjectiveProgress.running(run.started.index(), java.util.Arrays.copyOf(values, steps));
            EarlyStopping.Decision decision = rule.check(job, others, direction);
            if (decision != EarlyStopping.Decision.CONTINUE) {
                if (decision == EarlyStopping.Decision.STOP) {
                    run.stopAtStep(RunningTrainingJob.StopCause.EARLY_STOPPED, steps, grace);
                } else {
                    run.stopAtStep(RunningTrainingJob.StopCause.BUDGET_SPENT, rule.budgetedSteps(steps), grace);
                }
                checkedSteps.remove(run);
                return;
            }
        }
        checkedSteps.put(run, values.length);
    }

    void forget(RunningTrainingJob run) {
        checkedSteps.remove(run);
    }

    private List<ObjectiveProgress> others(RunningTrainingJob self) {
        List<ObjectiveProgress> others = new ArrayList<>(finished.values());
        for (RunningTrainingJob other : running.values()) {
            if (other != self && !finished.containsKey(other.started.index())) {
                others.add(ObjectiveProgress.running(other.started.index(), other.objectiveValues()));
            }
        }
        others.sort(Comparator.comparingInt(ObjectiveProgress::index));
        return others;
    }
}
