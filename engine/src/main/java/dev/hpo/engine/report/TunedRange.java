package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tuned hyperparameter as the dashboard draws it, read from the request stored with the tuning job
 * (so a report never needs the config file or its data again).
 *
 * @param kind Continuous, Integer or Categorical
 * @param logarithmic whether the range is searched on a log axis, so charts draw it on one
 */
public record TunedRange(String name, String kind, boolean logarithmic, Double min, Double max, List<String> values) {

    public boolean categorical() {
        return kind.equals("Categorical");
    }

    public static List<TunedRange> of(JsonNode request) {
        JsonNode ranges = request == null ? null : request.path("HyperParameterTuningJobConfig").path("ParameterRanges");
        List<TunedRange> result = new ArrayList<>();
        if (ranges == null) {
            return result;
        }
        for (String kind : List.of("Continuous", "Integer")) {
            for (JsonNode range : ranges.path(kind + "ParameterRanges")) {
                String scaling = range.path("ScalingType").asText("Auto").toLowerCase(Locale.ROOT);
                Double min = number(range.path("MinValue"));
                result.add(new TunedRange(range.path("Name").asText(), kind, scaling.equals("logarithmic") && min != null && min > 0,
                        min, number(range.path("MaxValue")), List.of()));
            }
        }
        for (JsonNode range : ranges.path("CategoricalParameterRanges")) {
            List<String> values = new ArrayList<>();
            range.path("Values").forEach(v -> values.add(v.asText()));
            result.add(new TunedRange(range.path("Name").asText(), "Categorical", false, null, null, List.copyOf(values)));
        }
        return result;
    }

    private static Double number(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? null : Double.valueOf(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
