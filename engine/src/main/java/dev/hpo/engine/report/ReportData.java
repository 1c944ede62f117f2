package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.describe.ElapsedTime;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the dashboard page draws, as one JSON document. The page does no arithmetic on the store
 * beyond sorting and filtering: what is computed (best so far, importance, budget) is computed here,
 * where it is tested. Per-job arrays are aligned with {@code ranges} and {@code metricNames} rather than
 * keyed by name, which keeps a 2,000-job page small.
 */
public final class ReportData {
    /** How often an open page reloads itself while the tuning job runs. */
    public static final int REFRESH_SECONDS = 5;
    /** Learning curves longer than this are thinned for drawing; the table keeps the final values exact. */
    static final int MAX_CURVE_POINTS = 200;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReportData() {
    }

    /** @param pageDirectory where the page will be written, so links to logs are relative to it */
    public static ObjectNode of(JobSnapshot snapshot, Path pageDirectory) {
        TuningJob job = snapshot.tuningJob();
        JsonNode request = job.request() == null ? F.objectNode() : job.request();
        JsonNode config = request.path("HyperParameterTuningJobConfig");
        String metric = config.path("HyperParameterTuningJobObjective").path("MetricName").asText("");
        String type = config.path("HyperParameterTuningJobObjective").path("Type").asText("Maximize");
        List<TunedRange> ranges = TunedRange.of(request);
        List<TrainingJob> jobs = snapshot.trainingJobs();

        ObjectNode root = F.objectNode();
        root.put("generatedAt", snapshot.readAt().toString());
        boolean running = !job.status().terminal();
        root.put("refreshSeconds", running && snapshot.tunerRunning() ? REFRESH_SECONDS : 0);
        boolean interrupted = running && !snapshot.tunerRunning();
        ObjectNode summary = summary(job, config, snapshot.readAt(), interrupted);
        if (interrupted) {
            summary.put("interrupted", true);
        }
        root.set("job", summary);
        ObjectNode objective = root.putObject("objective");
        objective.put("metric", metric);
        objective.put("type", type);
        if (job.bestTrainingJob() != null) {
            TrainingJob best = job.bestTrainingJob();
            ObjectNode node = root.putObject("best");
            node.put("name", best.name());
            number(node, "objective", best.finalObjective());
            node.set("hyperParameters", strings(best.tunedHyperParameters()));
            node.put("log", logLink(snapshot.directory(), best.name(), pageDirectory));
        }
        ArrayNode rangeNodes = root.putArray("ranges");
        for (TunedRange range : ranges) {
            ObjectNode node = rangeNodes.addObject();
            node.put("name", range.name());
            node.put("kind", range.kind());
            node.put("log", range.logarithmic());
            number(node, "min", range.min());
            number(node, "max", range.max());
            ArrayNode values = node.putArray("values");
            range.values().forEach(values::add);
        }
        root.set("static", strings(staticHyperParameters(request)));

        TreeSet<String> metricNames = new TreeSet<>();
        for (TrainingJob trainingJob : jobs) {
            if (trainingJob.finalMetrics() != null) {
                metricNames.addAll(trainingJob.finalMetrics().keySet());
            }
        }
        ArrayNode names = root.putArray("metricNames");
        metricNames.forEach(names::add);

        ArrayNode jobNodes = root.putArray("jobs");
        List<HyperparameterImportance.Observation> observations = new ArrayList<>();
        for (TrainingJob trainingJob : jobs) {
            jobNodes.add(jobNode(trainingJob, ranges, metricNames, metric, snapshot, pageDirectory));
            if (trainingJob.hasObjective() && Double.isFinite(trainingJob.finalObjective())) {
                observations.add(new HyperparameterImportance.Observation(trainingJob.tunedHyperParameters(), trainingJob.finalObjective()));
            }
        }
        ObjectNode importance = root.putObject("importance");
        importance.put("method", HyperparameterImportance.METHOD);
        importance.put("observations", observations.size());
        importance.put("minimumObservations", HyperparameterImportance.MIN_OBSERVATIONS);
        ArrayNode items = importance.putArray("items");
        for (HyperparameterImportance.Importance item : HyperparameterImportance.of(ranges, observations)) {
            ObjectNode node = items.addObject();
            node.put("name", item.name());
            node.put("share", item.share());
        }
        return root;
    }

    private static ObjectNode summary(TuningJob job, JsonNode config, Instant now, boolean interrupted) {
        ObjectNode node = F.objectNode();
        node.put("name", job.name());
        node.put("status", job.status().name());
        node.put("strategy", config.path("Strategy").asText("Random"));
        node.put("creationTime", job.creationTime().toString());
        if (job.endTime() != null) {
            node.put("endTime", job.endTime().toString());
        }
        node.put("lastModifiedTime", job.lastModifiedTime().toString());
        Instant end = ElapsedTime.end(job, now, interrupted);
        long elapsed = Math.max(0, Duration.between(job.creationTime(), end).getSeconds());
        node.put("elapsedSeconds", elapsed);
        JsonNode limits = config.path("ResourceLimits");
        int maxJobs = limits.path("MaxNumberOfTrainingJobs").asInt(0);
        node.put("maxTrainingJobs", maxJobs);
        node.put("maxParallelTrainingJobs", limits.path("MaxParallelTrainingJobs").asInt(0));
        long maxRuntime = limits.path("MaxRuntimeInSeconds").asLong(0);
        if (maxRuntime > 0) {
            node.put("maxRuntimeSeconds", maxRuntime);
            node.put("remainingSeconds", job.status().terminal() ? 0 : Math.max(0, maxRuntime - elapsed));
        }
        Counters counters = job.counters() == null ? Counters.NONE : job.counters();
        if (maxJobs > 0) {
            node.put("remainingTrainingJobs", job.status().terminal() ? 0 : Math.max(0, maxJobs - counters.total()));
        }
        ObjectNode c = node.putObject("counters");
        c.put("Completed", counters.completed());
        c.put("InProgress", counters.inProgress());
        c.put("Failed", counters.nonRetryableError() + counters.retryableError());
        c.put("Stopped", counters.stopped());
        c.put("ObjectiveSucceeded", counters.objectiveSucceeded());
        c.put("ObjectivePending", counters.objectivePending());
        c.put("ObjectiveFailed", counters.objectiveFailed());
        if (job.completionReason() != null) {
            node.put("completionReason", job.completionReason());
        }
        if (job.failureReason() != null) {
            node.put("failureReason", job.failureReason());
        }
        return node;
    }

    private static ObjectNode jobNode(TrainingJob job, List<TunedRange> ranges, TreeSet<String> metricNames, String metric,
                                      JobSnapshot snapshot, Path pageDirectory) {
        ObjectNode node = F.objectNode();
        node.put("name", job.name());
        node.put("index", job.index());
        node.put("status", job.status().name());
        if (job.hasObjective()) {
            number(node, "objective", job.finalObjective());
        }
        ArrayNode hp = node.putArray("hp");
        Map<String, String> tuned = job.tunedHyperParameters() == null ? Map.of() : job.tunedHyperParameters();
        for (TunedRange range : ranges) {
            hp.add(tuned.get(range.name()));
        }
        ArrayNode metrics = node.putArray("metrics");
        Map<String, Double> finals = job.finalMetrics() == null ? Map.of() : job.finalMetrics();
        for (String name : metricNames) {
            Double value = finals.get(name);
            if (value == null || !Double.isFinite(value)) {
                metrics.addNull();
            } else {
                metrics.add(value);
            }
        }
        Instant started = job.trainingStartTime() != null ? job.trainingStartTime() : job.creationTime();
        if (started != null) {
            node.put("started", started.toString());
        }
        node.put("seconds", Math.round(job.durationSeconds(snapshot.readAt()) * 10) / 10.0);
        if (job.failureReason() != null) {
            node.put("reason", job.failureReason());
        }
        if (snapshot.earlyStopped().contains(job.name())) {
            node.put("earlyStopped", true);
        }
        node.put("log", logLink(snapshot.directory(), job.name(), pageDirectory));
        List<Double> series = job.series() == null ? null : job.series().get(metric);
        if (series != null && !series.isEmpty()) {
            node.set("curve", thinned(series));
        }
        return node;
    }

    /** Evenly spaced points of a long series, always keeping the last (the final value). */
    static ArrayNode thinned(List<Double> series) {
        ArrayNode curve = F.arrayNode();
        int n = series.size();
        int points = Math.min(n, MAX_CURVE_POINTS);
        for (int p = 0; p < points; p++) {
            int i = points == 1 ? n - 1 : (int) Math.round((double) p * (n - 1) / (points - 1));
            ArrayNode point = curve.addArray();
            point.add(i + 1);
            Double v = series.get(i);
            if (v == null || !Double.isFinite(v)) {
                point.addNull();
            } else {
                point.add(v);
            }
        }
        return curve;
    }

    /**
     * A link from the page to a training job's log: relative, so the directory can be moved or served,
     * each segment percent-encoded, and starting with "./" so no name can read as a URL scheme.
     */
    static String logLink(Path jobDirectory, String trainingJobName, Path pageDirectory) {
        Path log = jobDirectory.toAbsolutePath().normalize().resolve(DirectoryStore.TRAINING_JOBS).resolve(trainingJobName).resolve("output.log");
        Path relative = pageDirectory.toAbsolutePath().normalize().relativize(log);
        StringBuilder link = new StringBuilder(".");
        for (Path segment : relative) {
            link.append('/').append(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return link.toString();
    }

    private static Map<String, String> staticHyperParameters(JsonNode request) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        request.path("TrainingJobDefinition").path("StaticHyperParameters").fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static ObjectNode strings(Map<String, String> values) {
        ObjectNode node = F.objectNode();
        if (values != null) {
            values.forEach(node::put);
        }
        return node;
    }

    /** JSON has no NaN or infinity; such values are left out rather than breaking the page's parser. */
    private static void number(ObjectNode node, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            node.put(field, value);
        }
    }
}
