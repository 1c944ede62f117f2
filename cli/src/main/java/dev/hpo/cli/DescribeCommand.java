package dev.hpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.EarlyStopReason;
import dev.hpo.engine.describe.MaxResourceEnd;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.describe.WarmStartParents;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;
import dev.hpo.engine.store.TunerLock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code hpo describe <job directory> [--json]}: the tuning job's status, counters and best training job. */
final class DescribeCommand implements Command {
    private final PrintStream out;

    DescribeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public String usage() {
        return "describe <job directory> [--json]   status, counters and best training job (--json: DescribeHyperParameterTuningJob)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        TuningJob job = store.tuningJob().orElseThrow();
        boolean interrupted = !job.status().terminal() && !tunerAlive(store);
        ObjectNode description = TuningJobDescription.of(job, Instant.now(), WarmStartParents.of(job, store.directory()), interrupted);
        if (arguments.flag("json")) {
            out.println(Json.mapper().writeValueAsString(description));
            return 0;
        }
        out.println("Tuning job:   " + job.name() + "  (" + store.directory() + ")");
        out.println("Status:       " + job.status() + (job.completionReason() == null ? "" : " (" + job.completionReason() + ")")
                + (job.status() == TuningJobStatus.InProgress && interrupted ? "  [no tuner is running it: it was interrupted; continue it with: hpo tune <config> --output <dir> --resume]" : ""));
        if (job.completionDetails() != null) {
            out.println("Ended by:     " + job.completionDetails().criterion()
                    + (job.completionDetails().numberOfTrainingJobsObjectiveNotImproving() == null ? ""
                    : " (" + job.completionDetails().numberOfTrainingJobsObjectiveNotImproving() + " training jobs not improving)")
                    + (job.completionDetails().convergenceDetectedTime() == null ? ""
                    : " (converged at " + job.completionDetails().convergenceDetectedTime() + ")"));
        }
        if (job.failureReason() != null) {
            out.println("Failure:      " + job.failureReason());
        }
        JsonNode objective = description.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        String metric = objective.path("MetricName").asText();
        out.println("Objective:    " + objective.path("Type").asText() + " " + metric);
        out.println("Created:      " + job.creationTime() + (job.endTime() == null ? "" : "   ended " + job.endTime())
                + "   runtime " + description.path("ConsumedResources").path("RuntimeInSeconds").asLong() + " s"
                + (interrupted ? " (until its last change, " + job.lastModifiedTime() + ", when it was interrupted)" : ""));
        JsonNode training = description.path("TrainingJobStatusCounters");
        int retryOwed = training.path("RetryableError").asInt();
        out.println("Training jobs: Completed " + training.path("Completed").asInt() + ", InProgress " + training.path("InProgress").asInt()
                + ", Failed " + training.path("NonRetryableError").asInt()
                // only a stopped or interrupted tuning job leaves retries owed; tune --resume runs them
                + (retryOwed > 0 ? ", Failed awaiting a retry " + retryOwed : "") + ", Stopped " + training.path("Stopped").asInt());
        JsonNode objectives = description.path("ObjectiveStatusCounters");
        out.println("Objectives:   Succeeded " + objectives.path("Succeeded").asInt() + ", Pending " + objectives.path("Pending").asInt()
                + ", Failed " + objectives.path("Failed").asInt());
        TrainingJob best = job.bestTrainingJob();
        if (best == null) {
            out.println(job.endTime() == null ? "Best:         none yet" : "Best:         none (no training job produced the objective)");
        } else {
            out.println("Best:         " + best.name() + "  " + metric + " = " + best.finalObjective());
            out.println("              " + ProgressSummary.hyperParameters(best.tunedHyperParameters()));
            EarlyStopReason.of(best, job).or(() -> MaxResourceEnd.of(best, job)).ifPresent(reason -> out.println("              " + reason));
        }
        JsonNode overall = description.path("OverallBestTrainingJob");
        if (!overall.isMissingNode()) {
            out.println("Overall best: " + overall.path("TrainingJobName").asText() + " of " + overall.path("TuningJobName").asText()
                    + "  " + metric + " = " + overall.path("FinalHyperParameterTuningJobObjectiveMetric").path("Value").asDouble()
                    + "  (this job and its warm-start parents)");
        }
        return 0;
    }

    private static boolean tunerAlive(DirectoryStore store) throws java.io.IOException {
        return TunerLock.liveOwner(store.directory()).isPresent();
    }
}
