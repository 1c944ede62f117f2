package dev.hpo.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.TrainingJobSummary;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;

import java.time.Instant;
import java.util.List;

/**
 * The data behind a build page's tuning dashboard: the describe output of the tuning job and a
 * summary of each training job (the shapes {@code hpo describe} and {@code hpo list-training-jobs}
 * print), plus the gate's decision. The page is drawn in the browser from this JSON, so the server
 * renders no user string into HTML at all.
 */
public final class BuildPageData {
    /** A page with more rows than this shows the first ones and says how many were left out. */
    public static final int MAX_TRAINING_JOBS = 2000;

    private BuildPageData() {
    }

    /**
     * @param tunerRunning whether the build's step still runs this tuning job. A step that ended without
     *     the tuner recording the end (it failed, or an abort outlived its grace period, or the controller
     *     restarted) leaves the record InProgress: the page then says Interrupted and stops the elapsed
     *     time at the record's last change instead of counting up to now.
     */
    public static ObjectNode of(TuningJob job, List<TrainingJob> trainingJobs, GateDecision gate, Instant now, boolean tunerRunning) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ObjectNode description = TuningJobDescription.of(job, now, !tunerRunning);
        page.set("tuningJob", description);
        JsonNode objective = description.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        ArrayNode rows = page.putArray("trainingJobs");
        for (TrainingJob trainingJob : trainingJobs.subList(0, Math.min(trainingJobs.size(), MAX_TRAINING_JOBS))) {
            ObjectNode row = TrainingJobSummary.of(trainingJob, job.name(), objective.isMissingNode() ? null : objective);
            row.put("Index", trainingJob.index());
            if (trainingJob.trainingEndTime() != null) {
                row.put("DurationSeconds", trainingJob.durationSeconds(trainingJob.trainingEndTime()));
            }
            rows.add(row);
        }
        page.put("trainingJobsLeftOut", Math.max(0, trainingJobs.size() - MAX_TRAINING_JOBS));
        if (gate != null) {
            ObjectNode gateNode = page.putObject("gate");
            gateNode.put("result", gate.outcome().name());
            gate.reasons().forEach(gateNode.putArray("reasons")::add);
        }
        return page;
    }
}
