package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tuning job's directory written straight through the store, with as many training jobs as a test
 * wants: a known objective (eta matters most, the hostile-named one not at all), learning curves,
 * failures and early-stopped jobs. Seeded, so every run writes the same store.
 */
final class SyntheticStore {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final String NAME = "synthetic-tuning";

    private SyntheticStore() {
    }

    static DirectoryStore write(Path directory, int count, TuningJobStatus status) throws IOException {
        DirectoryStore store = new DirectoryStore(directory);
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<TrainingJob> jobs = new ArrayList<>();
        TrainingJob best = null;
        for (int i = 0; i < count; i++) {
            double eta = Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(1) - Math.log(0.001)));
            int depth = 1 + random.nextInt(10);
            String booster = random.nextBoolean() ? "gbtree" : "dart";
            double hostile = random.nextDouble();
            Map<String, String> tuned = new LinkedHashMap<>();
            tuned.put("eta", Double.toString(eta));
            tuned.put("max_depth", Integer.toString(depth));
            tuned.put("booster", booster);
            tuned.put(HOSTILE, Double.toString(hostile));
            double target = 0.9 - 0.05 * Math.abs(Math.log10(eta) + 1) - 0.004 * Math.abs(depth - 6) + 0.002 * random.nextGaussian();
            String name = NAME + "-" + String.format("%03d", i) + "-" + Integer.toHexString(random.nextInt(0x10000));
            Instant begin = start.plusSeconds(i * 3L);
            TrainingJob started = TrainingJob.started(name, i, tuned, begin);
            TrainingJob job;
            if (i % 17 == 5) {
                job = started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null,
                        "exit code 1: <script>alert('reason')</script> & friends", Map.of(), Map.of(), begin.plusSeconds(2), 1);
            } else if (status == TuningJobStatus.InProgress && i >= count - 2) {
                job = started;
            } else {
                boolean early = i % 7 == 3;
                int rounds = early ? 20 : 50;
                List<Double> curve = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    curve.add(target * (1 - Math.exp(-r / 8.0)));
                }
                double last = curve.get(curve.size() - 1);
                Map<String, List<Double>> series = Map.of("validation:auc", curve, "train:auc", curve);
                job = early
                        ? started.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Succeeded, last, null,
                                Map.of("validation:auc", last, "train:auc", last + 0.01), series, begin.plusSeconds(4), 143).markedEarlyStopped()
                        : started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, last, null,
                                Map.of("validation:auc", last, "train:auc", last + 0.01), series, begin.plusSeconds(9), 0);
                if (best == null || last > best.finalObjective()) {
                    best = job;
                }
            }
            store.save(job);
            Files.writeString(store.trainingJobDirectory(name).resolve("output.log"), "[0]\tvalidation-auc:0.5\n");
            jobs.add(job);
        }
        Instant end = start.plusSeconds(count * 3L + 10);
        TuningJob tuningJob = new TuningJob(NAME, status, start, status.terminal() ? end : null, end, null,
                status.terminal() ? "MaxNumberOfTrainingJobs (" + count + ") reached" : null, 7L, Counters.of(jobs), best,
                request(count));
        store.save(tuningJob);
        return store;
    }

    static JsonNode request(int count) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode request = f.objectNode();
        request.put("HyperParameterTuningJobName", NAME);
        ObjectNode config = request.putObject("HyperParameterTuningJobConfig");
        config.put("Strategy", "Random");
        config.putObject("HyperParameterTuningJobObjective").put("Type", "Maximize").put("MetricName", "validation:auc");
        config.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", count).put("MaxParallelTrainingJobs", 4)
                .put("MaxRuntimeInSeconds", 36000);
        ObjectNode ranges = config.putObject("ParameterRanges");
        ArrayNode continuous = ranges.putArray("ContinuousParameterRanges");
        continuous.addObject().put("Name", "eta").put("MinValue", "0.001").put("MaxValue", "1").put("ScalingType", "Logarithmic");
        continuous.addObject().put("Name", HOSTILE).put("MinValue", "0").put("MaxValue", "1").put("ScalingType", "Auto");
        ranges.putArray("IntegerParameterRanges").addObject().put("Name", "max_depth").put("MinValue", "1").put("MaxValue", "10");
        ArrayNode values = ranges.putArray("CategoricalParameterRanges").addObject().put("Name", "booster").putArray("Values");
        values.add("gbtree").add("dart");
        ObjectNode definition = request.putObject("TrainingJobDefinition");
        definition.putObject("StaticHyperParameters").put("num_round", "50").put("objective", "binary:logistic");
        return request;
    }
}
