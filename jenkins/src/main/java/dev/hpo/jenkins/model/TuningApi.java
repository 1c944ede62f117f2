package dev.hpo.jenkins.model;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.pipeline.BuildPageData;
import dev.hpo.engine.store.DirectoryStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The REST contract of {@code <build>/hpo/api/json}: kept apart from the persisted action so that its
 * shape is explicit. Names follow the step's result map.
 */
@ExportedBean
public final class TuningApi {
    private final TuningBuildAction action;
    private final TuningJob job;
    private final List<TrainingJobApi> trainingJobs;

    private TuningApi(TuningBuildAction action, TuningJob job, List<TrainingJobApi> trainingJobs) {
        this.action = action;
        this.job = job;
        this.trainingJobs = trainingJobs;
    }

    static TuningApi of(TuningBuildAction action, DirectoryStore store) throws IOException {
        List<TrainingJobApi> rows = new ArrayList<>();
        for (TrainingJob trainingJob : store.trainingJobs()) {
            if (rows.size() == BuildPageData.MAX_TRAINING_JOBS) {
                break;
            }
            rows.add(new TrainingJobApi(trainingJob));
        }
        return new TuningApi(action, store.tuningJob().orElse(null), rows);
    }

    @Exported
    public String getTuningJobName() {
        return action.getTuningJobName();
    }

    @Exported
    public String getStatus() {
        return job == null ? action.getStatus() : job.status().name();
    }

    @Exported
    public String getObjectiveMetric() {
        return action.getObjectiveMetric();
    }

    @Exported
    public String getObjectiveType() {
        return action.getObjectiveType();
    }

    @Exported
    public String getBestTrainingJobName() {
        return job == null || job.bestTrainingJob() == null ? null : job.bestTrainingJob().name();
    }

    @Exported
    public Double getBestObjective() {
        return job == null || job.bestTrainingJob() == null ? null : job.bestTrainingJob().finalObjective();
    }

    @Exported
    public Map<String, String> getBestHyperParameters() {
        return job == null || job.bestTrainingJob() == null ? Map.of() : new LinkedHashMap<>(job.bestTrainingJob().tunedHyperParameters());
    }

    @Exported
    public String getModelPath() {
        String best = getBestTrainingJobName();
        return best == null || action.getAgentJobDirectory() == null ? null : action.getAgentJobDirectory() + "/training-jobs/" + best + "/model";
    }

    @Exported
    public Map<String, Integer> getCounters() {
        Map<String, Integer> counters = new LinkedHashMap<>();
        if (job != null) {
            counters.put("total", job.counters().total());
            counters.put("completed", job.counters().completed());
            counters.put("inProgress", job.counters().inProgress());
            counters.put("failed", job.counters().nonRetryableError() + job.counters().retryableError());
            counters.put("stopped", job.counters().stopped());
        }
        return counters;
    }

    @Exported
    public String getCompletionReason() {
        return job == null ? null : job.completionReason();
    }

    @Exported
    public String getFailureReason() {
        return job == null ? null : job.failureReason();
    }

    @Exported
    public String getGateResult() {
        return action.getGateResult();
    }

    @Exported
    public List<String> getGateReasons() {
        return action.getGateReasons();
    }

    @Exported(inline = true)
    public List<TrainingJobApi> getTrainingJobs() {
        return trainingJobs;
    }
}
