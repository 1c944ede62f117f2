package dev.hpo.engine.tuner;

import java.util.Map;

/**
 * Training job names in SageMaker's shape, {@code <tuning job>-<NNN>-<8 hex>}: sortable by start
 * order, and the hex tells two jobs with the same number in different tuning jobs apart.
 */
final class TrainingJobNames {
    private TrainingJobNames() {
    }

    static String name(String tuningJobName, int index, Map<String, String> hyperParameters, long seed) {
        int hash = (hyperParameters.toString() + "#" + index + "#" + seed).hashCode();
        return String.format("%s-%03d-%08x", tuningJobName, index + 1, hash);
    }
}
