package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the step returns to the Pipeline script: a map of JDK values only (strings, numbers,
 * booleans, nested maps and lists), so it is serializable with the script and readable in the
 * sandbox as {@code tuning.bestObjective}, without any of our classes on the script's side.
 */
public final class StepResult {
    private StepResult() {
    }

    /**
     * @param jobDirectory the tuning job's directory where the training jobs ran (the agent's workspace),
     *                     or null when they ran elsewhere (block form)
     */
    public static LinkedHashMap<String, Object> of(TuningJob job, TuningJobConfig config, String jobDirectory, GateDecision gate) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        result.put("status", job.status().name());
        result.put("tuningJobName", job.name());
        result.put("objectiveMetric", config.objective().metricName());
        result.put("objectiveType", config.objective().type().name());
        TrainingJob best = job.bestTrainingJob();
        if (best != null) {
            result.put("bestTrainingJobName", best.name());
            result.put("bestObjective", best.finalObjective());
            result.put("bestHyperParameters", new LinkedHashMap<>(best.tunedHyperParameters()));
            if (jobDirectory != null) {
                result.put("modelPath", jobDirectory + "/training-jobs/" + best.name() + "/model");
            }
        }
        if (jobDirectory != null) {
            result.put("jobDirectory", jobDirectory);
        }
        result.put("counters", counters(job.counters()));
        if (job.completionReason() != null) {
            result.put("completionReason", job.completionReason());
        }
        if (job.failureReason() != null) {
            result.put("failureReason", job.failureReason());
        }
        result.put("randomSeed", job.randomSeed());
        LinkedHashMap<String, Object> gateResult = new LinkedHashMap<>();
        gateResult.put("result", gate.outcome().name());
        gateResult.put("reasons", new ArrayList<>(gate.reasons()));
        result.put("gate", gateResult);
        return result;
    }

    private static Map<String, Object> counters(Counters c) {
        LinkedHashMap<String, Object> counters = new LinkedHashMap<>();
        counters.put("total", c.total());
        counters.put("completed", c.completed());
        counters.put("inProgress", c.inProgress());
        counters.put("failed", c.nonRetryableError() + c.retryableError());
        counters.put("stopped", c.stopped());
        counters.put("objectiveSucceeded", c.objectiveSucceeded());
        counters.put("objectiveFailed", c.objectiveFailed());
        return counters;
    }
}
