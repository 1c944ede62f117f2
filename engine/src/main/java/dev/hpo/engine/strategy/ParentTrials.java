package dev.hpo.engine.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.config.WarmStart;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.SearchSpace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The finished training jobs of warm-start parents, as trials of the new search. A parent's job is
 * described in the new job's terms: each tuned hyperparameter takes the parent's tuned value, or the
 * parent's static value when the parent did not tune it. Jobs that fall outside a narrowed range (or
 * lack a value) are left out: the new search never proposes them, so they would only mislead.
 * Grandparents are not followed (SageMaker's rule: warm start is not recursive).
 */
public final class ParentTrials {
    private ParentTrials() {
    }

    public static List<Trial> load(WarmStart warmStart, SearchSpace space) {
        List<Trial> trials = new ArrayList<>();
        int index = -1;
        for (WarmStart.Parent parent : warmStart.parentJobs()) {
            Map<String, String> statics = statics(parent.tuningJob());
            for (TrainingJob job : parent.trainingJobs()) {
                if (job.objectiveStatus() == ObjectiveStatus.Pending) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>(statics);
                values.putAll(job.tunedHyperParameters());
                Map<String, String> tuned = inSpace(values, space);
                if (tuned == null) {
                    continue;
                }
                trials.add(job.hasObjective()
                        ? new Trial(index--, tuned, Trial.Outcome.SUCCEEDED, OptionalDouble.of(job.finalObjective()))
                        : new Trial(index--, tuned, Trial.Outcome.FAILED, OptionalDouble.empty()));
            }
        }
        return trials;
    }

    private static Map<String, String> statics(TuningJob job) {
        Map<String, String> statics = new LinkedHashMap<>();
        if (job.request() == null) {
            return statics;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = job.request().path("TrainingJobDefinition").path("StaticHyperParameters").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            statics.put(field.getKey(), field.getValue().asText());
        }
        return statics;
    }

    static Map<String, String> inSpace(Map<String, String> values, SearchSpace space) {
        Map<String, String> tuned = new LinkedHashMap<>();
        for (ParameterRange range : space.ranges()) {
            String value = values.get(range.name());
            if (value == null || !contains(range, value.trim())) {
                return null;
            }
            tuned.put(range.name(), value.trim());
        }
        return tuned;
    }

    private static boolean contains(ParameterRange range, String value) {
        try {
            if (range instanceof CategoricalRange c) {
                return c.values().contains(value);
            }
            if (range instanceof ContinuousRange c) {
                double x = Double.parseDouble(value);
                return x >= c.min() && x <= c.max();
            }
            IntegerRange r = (IntegerRange) range;
            long x = Long.parseLong(value);
            return x >= r.min() && x <= r.max();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
