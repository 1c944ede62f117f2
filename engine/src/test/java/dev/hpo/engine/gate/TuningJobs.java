package dev.hpo.engine.gate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tuning job records for gate and promotion tests. */
public final class TuningJobs {
    private TuningJobs() {
    }

    public static TuningJob finished(String name, TuningJobStatus status, String type, String metric, Double bestValue) {
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        TrainingJob best = bestValue == null ? null
                : TrainingJob.started(name + "-007-abcd", 7, Map.of("eta", "0.2", "max_depth", "5"), t)
                .finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, bestValue, null,
                        Map.of(metric, bestValue, "train:auc", 0.99), Map.of(metric, List.of(0.5, bestValue)), t.plusSeconds(3), 0);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ObjectNode config = request.putObject("HyperParameterTuningJobConfig");
        config.put("Strategy", "Random");
        config.putObject("HyperParameterTuningJobObjective").put("Type", type).put("MetricName", metric);
        ObjectNode definition = request.putObject("TrainingJobDefinition");
        definition.putObject("AlgorithmSpecification").put("AlgorithmName", "xgboost");
        definition.putObject("StaticHyperParameters").put("num_round", "100");
        definition.putArray("InputDataConfig").addObject().put("ChannelName", "train").put("ContentType", "text/csv")
                .putObject("DataSource").putObject("S3DataSource").put("S3Uri", "data/train.csv");
        return new TuningJob(name, status, t, status.terminal() ? t.plusSeconds(60) : null, t.plusSeconds(60),
                status == TuningJobStatus.Failed ? "no training job produced the objective" : null, null, 42,
                best == null ? Counters.NONE : Counters.of(List.of(best)), best, request);
    }
}
