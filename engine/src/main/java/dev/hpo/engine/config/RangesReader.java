package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.space.CategoricalRange;
import dev.hpo.engine.space.ContinuousRange;
import dev.hpo.engine.space.IntegerRange;
import dev.hpo.engine.space.ParameterRange;
import dev.hpo.engine.space.ScalingType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads ParameterRanges with SageMaker's rules for bounds and scaling. */
final class RangesReader {
    private static final int MAX_RANGES_PER_KIND = 30;
    private static final int MAX_CATEGORICAL_VALUES = 30;
    /** 2^53: beyond it doubles skip integers, and the search places integers through doubles. */
    static final long MAX_INTEGER_BOUND = 1L << 53;
    private static final String INTEGER_BOUND_REASON = " (beyond 2^53 doubles, and so the search, cannot represent every integer)";

    private final FieldReader reader;

    RangesReader(FieldReader reader) {
        this.reader = reader;
    }

    List<ParameterRange> read(JsonNode ranges, String path) {
        List<ParameterRange> result = new ArrayList<>();
        if (ranges == null) {
            return result;
        }
        reader.checkFields(ranges, path, Set.of("IntegerParameterRanges", "ContinuousParameterRanges",
                "CategoricalParameterRanges", "AutoParameters"), Set.of());
        if (ranges.has("AutoParameters") && ranges.get("AutoParameters").size() > 0) {
            reader.problem(FieldReader.path(path, "AutoParameters"), "Autotune is not supported; declare the ranges explicitly");
        }
        Set<String> names = new HashSet<>();
        List<JsonNode> integers = reader.array(ranges, "IntegerParameterRanges", path);
        List<JsonNode> continuous = reader.array(ranges, "ContinuousParameterRanges", path);
        List<JsonNode> categorical = reader.array(ranges, "CategoricalParameterRanges", path);
        checkCount(integers, path + ".IntegerParameterRanges");
        checkCount(continuous, path + ".ContinuousParameterRanges");
        checkCount(categorical, path + ".CategoricalParameterRanges");
        for (int i = 0; i < continuous.size(); i++) {
            add(result, names, continuous(continuous.get(i), path + ".ContinuousParameterRanges[" + i + "]"), path + ".ContinuousParameterRanges[" + i + "]");
        }
        for (int i = 0; i < integers.size(); i++) {
            add(result, names, integer(integers.get(i), path + ".IntegerParameterRanges[" + i + "]"), path + ".IntegerParameterRanges[" + i + "]");
        }
        for (int i = 0; i < categorical.size(); i++) {
            add(result, names, categorical(categorical.get(i), path + ".CategoricalParameterRanges[" + i + "]"), path + ".CategoricalParameterRanges[" + i + "]");
        }
        return result;
    }

    private void checkCount(List<JsonNode> list, String path) {
        if (list.size() > MAX_RANGES_PER_KIND) {
            reader.problem(path, "has " + list.size() + " ranges; at most " + MAX_RANGES_PER_KIND + " are allowed");
        }
    }

    private void add(List<ParameterRange> result, Set<String> names, ParameterRange range, String path) {
        if (range == null) {
            return;
        }
        if (!names.add(range.name())) {
            reader.problem(path + ".Name", "hyperparameter '" + range.name() + "' is declared in more than one range");
            return;
        }
        result.add(range);
    }

    private ScalingType scaling(JsonNode node, String path) {
        String text = reader.text(node, "ScalingType", path, false);
        if (text == null) {
            return ScalingType.Auto;
        }
        try {
            return ScalingType.parse(text);
        } catch (IllegalArgumentException e) {
            reader.problem(path + ".ScalingType", e.getMessage());
            return null;
        }
    }

    private ContinuousRange continuous(JsonNode node, String path) {
        reader.checkFields(node, path, Set.of("Name", "MinValue", "MaxValue", "ScalingType"), Set.of());
        String name = reader.text(node, "Name", path, true);
        Double min = reader.number(node, "MinValue", path, true);
        Double max = reader.number(node, "MaxValue", path, true);
        ScalingType scaling = scaling(node, path);
        if (name == null || min == null || max == null || scaling == null) {
            return null;
        }
        if (min > max) {
            reader.problem(path + ".MinValue", "MinValue " + min + " is above MaxValue " + max);
            return null;
        }
        if (!Double.isFinite(max - min)) {
            // the search scales a unit interval by the width: an infinite one puts every job at a bound
            reader.problem(path + ".MaxValue", "the width MaxValue - MinValue (" + max + " - " + min
                    + ") is beyond the largest double; narrow the range");
            return null;
        }
        if (scaling == ScalingType.Logarithmic && min <= 0) {
            reader.problem(path + ".ScalingType", "Logarithmic scaling needs MinValue above 0, not " + min);
            return null;
        }
        if (scaling == ScalingType.ReverseLogarithmic && (min < 0 || max >= 1)) {
            reader.problem(path + ".ScalingType", "ReverseLogarithmic scaling needs the whole range within [0, 1), not ["
                    + min + ", " + max + "]");
            return null;
        }
        return new ContinuousRange(name, min, max, scaling);
    }

    private IntegerRange integer(JsonNode node, String path) {
        reader.checkFields(node, path, Set.of("Name", "MinValue", "MaxValue", "ScalingType"), Set.of());
        String name = reader.text(node, "Name", path, true);
        Long min = reader.integerWithin(node, "MinValue", path, true, -MAX_INTEGER_BOUND, MAX_INTEGER_BOUND, INTEGER_BOUND_REASON);
        Long max = reader.integerWithin(node, "MaxValue", path, true, -MAX_INTEGER_BOUND, MAX_INTEGER_BOUND, INTEGER_BOUND_REASON);
        ScalingType scaling = scaling(node, path);
        if (name == null || min == null || max == null || scaling == null) {
            return null;
        }
        if (min > max) {
            reader.problem(path + ".MinValue", "MinValue " + min + " is above MaxValue " + max);
            return null;
        }
        if (scaling == ScalingType.Logarithmic && min <= 0) {
            reader.problem(path + ".ScalingType", "Logarithmic scaling needs MinValue above 0, not " + min);
            return null;
        }
        if (scaling == ScalingType.ReverseLogarithmic) {
            reader.problem(path + ".ScalingType", "ReverseLogarithmic scaling is for continuous ranges only");
            return null;
        }
        return new IntegerRange(name, min, max, scaling);
    }

    private CategoricalRange categorical(JsonNode node, String path) {
        reader.checkFields(node, path, Set.of("Name", "Values"), Set.of());
        String name = reader.text(node, "Name", path, true);
        List<JsonNode> items = reader.array(node, "Values", path);
        if (node != null && node.has("Values") && items.isEmpty() && node.get("Values").isArray()) {
            reader.problem(path + ".Values", "must hold at least one value");
        } else if (node != null && !node.has("Values")) {
            reader.problem(path + ".Values", "is required");
        }
        if (items.size() > MAX_CATEGORICAL_VALUES) {
            reader.problem(path + ".Values", "has " + items.size() + " values; at most " + MAX_CATEGORICAL_VALUES + " are allowed");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isValueNode() || item.isNull()) {
                reader.problem(path + ".Values[" + i + "]", "must be a string");
            } else if (!values.add(item.asText())) {
                reader.problem(path + ".Values[" + i + "]", "'" + item.asText() + "' is listed twice");
            }
        }
        if (name == null || values.isEmpty()) {
            return null;
        }
        return new CategoricalRange(name, new ArrayList<>(values));
    }
}
