package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigProblem;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields out of the JSON tree and collects every problem with its field path, so a
 * config with five mistakes is reported once with five lines, not five times.
 * SageMaker sends numbers as strings in ranges; both forms are accepted wherever a number is read.
 */
public final class FieldReader {
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public void ignore(String path) {
        ignored.add(path);
    }

    public List<String> ignored() {
        return ignored;
    }

    /** Something legal but likely not what the user meant, told at tune start. */
    public void note(String message) {
        notes.add(message);
    }

    public List<String> notes() {
        return notes;
    }

    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Flags fields that are neither known nor cloud-only: a typo must not silently drop a setting. */
    public void checkFields(JsonNode object, String path, Set<String> known, Set<String> cloudOnly) {
        if (object == null || !object.isObject()) {
            return;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (cloudOnly.contains(name)) {
                ignore(path(path, name));
            } else if (!known.contains(name)) {
                String hint = closest(name, known);
                problem(path(path, name), "unknown field" + (hint == null ? "" : "; did you mean " + hint + "?"));
            }
        }
    }

    public JsonNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path(path, field), "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(path(path, field), "must be an object, not " + describe(node));
            return null;
        }
        return node;
    }

    public List<JsonNode> array(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            problem(path(path, field), "must be a list, not " + describe(node));
            return items;
        }
        node.forEach(items::add);
        return items;
    }

    public String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path(path, field), "is required");
            }
            return null;
        }
        if (!node.isValueNode()) {
            problem(path(path, field), "must be a string, not " + describe(node));
            return null;
        }
        String text = node.asText();
        if (required && text.isBlank()) {
            problem(path(path, field), "must not be empty");
            return null;
        }
        return text;
    }

    public Double number(JsonNode parent, String field, String path, boolean required) {
        String text = text(parent, field, path, required);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                problem(path(path, field), "must be a finite number, not '" + text + "'");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(path(path, field), "must be a number, not '" + text + "'");
            return null;
        }
    }

    public Long integer(JsonNode parent, String field, String path, boolean required) {
        return integerWithin(parent, field, path, required, Long.MIN_VALUE, Long.MAX_VALUE, "");
    }

    /**
     * A whole number between {@code min} and {@code max}; one beyond them (even beyond a long) is told
     * as too large or too small, since calling 1e30 "not a whole number" would send the user looking
     * for the wrong mistake.
     *
     * @param why appended to the message when the number is out of bounds; empty or starting with a separator
     */
    public Long integerWithin(JsonNode parent, String field, String path, boolean required, long min, long max, String why) {
        String text = text(parent, field, path, required);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problem(path(path, field), "must be a whole number, not '" + text + "'");
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(path(path, field), "'" + text + "' is too large; it must be at most " + max + why);
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            problem(path(path, field), "'" + text + "' is too small; it must be at least " + min + why);
            return null;
        }
        try {
            // within bounds, only plain digits count: 5.0 or 1e3 in a count is more likely a slip than a style
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problem(path(path, field), "must be a whole number, not '" + text + "'");
            return null;
        }
    }

    public Long integerAtLeast(JsonNode parent, String field, String path, boolean required, long minimum) {
        Long value = integer(parent, field, path, required);
        if (value != null && value < minimum) {
            problem(path(path, field), "must be at least " + minimum + ", not " + value);
            return null;
        }
        return value;
    }

    public Boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problem(path(path, field), "must be true or false, not " + describe(node));
            return null;
        }
        return node.asBoolean();
    }

    public Map<String, String> stringMap(JsonNode parent, String field, String path) {
        JsonNode node = parent == null ? null : parent.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            problem(path(path, field), "must be an object of names to string values, not " + describe(node));
            return map;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                problem(path(path, field) + "." + entry.getKey(), "must be a string, not " + describe(value));
            } else {
                map.put(entry.getKey(), value.asText());
            }
        }
        return map;
    }

    public <E extends Enum<E>> E choice(JsonNode parent, String field, String path, Class<E> type, E fallback) {
        String text = text(parent, field, path, false);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        problem(path(path, field), "'" + text + "' is not one of " + String.join(", ", names));
        return fallback;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }

    private static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
