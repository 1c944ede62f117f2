package dev.hpo.jenkins.model;

import dev.hpo.engine.model.TrainingJob;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One training job in the REST API. */
@ExportedBean(defaultVisibility = 2)
public final class TrainingJobApi {
    private final TrainingJob job;

    TrainingJobApi(TrainingJob job) {
        this.job = job;
    }

    @Exported
    public String getName() {
        return job.name();
    }

    @Exported
    public String getStatus() {
        return job.status().name();
    }

    @Exported
    public Double getObjective() {
        return job.hasObjective() ? job.finalObjective() : null;
    }

    @Exported
    public Map<String, String> getHyperParameters() {
        return new LinkedHashMap<>(job.tunedHyperParameters());
    }

    @Exported
    public String getFailureReason() {
        return job.failureReason();
    }

    @Exported
    public Double getDurationSeconds() {
        return job.trainingEndTime() == null ? null : job.durationSeconds(job.trainingEndTime());
    }
}
