package dev.hpo.engine.earlystop;

import dev.hpo.engine.config.ObjectiveType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SageMaker's {@code TrainingJobEarlyStoppingType: Auto}: at step k, take the running average of the
 * objective over steps 0..k of every earlier training job that reached step k, then the median of
 * those averages; the job is stopped when its value at step k is worse than that median.
 *
 * <p>SageMaker does not publish how many earlier jobs it waits for; with fewer than
 * {@code minEarlierJobs} at a step the rule does not decide, and no job is stopped before it reported
 * {@code minSteps} values, so one noisy first epoch does not end it.
 */
public final class MedianStoppingRule implements EarlyStopping {
    public static final int DEFAULT_MIN_EARLIER_JOBS = 3;
    public static final int DEFAULT_MIN_STEPS = 2;

    private final int minEarlierJobs;
    private final int minSteps;
    /** Prefix sums of finished jobs, by index: their series are final, so they are summed once. */
    private final Map<Integer, double[]> finishedPrefixSums = new HashMap<>();

    public MedianStoppingRule() {
        this(DEFAULT_MIN_EARLIER_JOBS, DEFAULT_MIN_STEPS);
    }

    public MedianStoppingRule(int minEarlierJobs, int minSteps) {
        if (minEarlierJobs < 1 || minSteps < 1) {
            throw new IllegalArgumentException("minEarlierJobs and minSteps must be at least 1");
        }
        this.minEarlierJobs = minEarlierJobs;
        this.minSteps = minSteps;
    }

    @Override
    public synchronized Decision check(ObjectiveProgress job, List<ObjectiveProgress> others, ObjectiveType direction) {
        int step = job.steps() - 1;
        if (job.steps() < minSteps) {
            return Decision.CONTINUE;
        }
        double current = job.latest();
        if (!Double.isFinite(current)) {
            return Decision.CONTINUE;
        }
        List<Double> averages = new ArrayList<>();
        for (ObjectiveProgress other : others) {
            if (other.index() >= job.index() || other.steps() <= step) {
                continue;
            }
            double average = runningAverage(other, step);
            if (Double.isFinite(average)) {
                averages.add(average);
            }
        }
        if (averages.size() < minEarlierJobs) {
            return Decision.CONTINUE;
        }
        return direction.better(median(averages), current) ? Decision.STOP : Decision.CONTINUE;
    }

    private double runningAverage(ObjectiveProgress other, int step) {
        if (other.finished()) {
            double[] sums = finishedPrefixSums.computeIfAbsent(other.index(), i -> prefixSums(other.values()));
            return sums[step + 1] / (step + 1);
        }
        double sum = 0;
        for (int i = 0; i <= step; i++) {
            sum += other.values()[i];
        }
        return sum / (step + 1);
    }

    private static double[] prefixSums(double[] values) {
        double[] sums = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
        return sums;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
