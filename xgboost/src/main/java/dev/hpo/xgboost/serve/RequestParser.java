package dev.hpo.xgboost.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an /invocations body into feature rows, as SageMaker's XGBoost container takes them: text/csv
 * (features only, no label, no header; an empty field is a missing value), or application/json as
 * {@code {"instances": [[...], ...]}}, a bare array of rows, or {@code {"features": [...]}} for one row.
 * Every row must have the model's feature count; the first row that does not is named in the reason.
 */
final class RequestParser {
    // plain decimals, as CsvCheck accepts them for training: no hex floats, no 'f' or 'd' suffixes
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final ObjectMapper JSON = JsonMapper.builder()
            // decimals kept as written, for XGBoost's loader to round
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final int features;

    RequestParser(int features) {
        this.features = features;
    }

    FeatureRows parse(String contentType, byte[] body) throws BadRequest {
        String type = contentType == null ? "text/csv" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "csv", "" -> csv(new String(body, StandardCharsets.UTF_8));
            case "application/json" -> json(body);
            default -> throw new BadRequest(415, "unsupported Content-Type '" + contentType + "'; send text/csv or application/json");
        };
    }

    FeatureRows csv(String text) throws BadRequest {
        int count = 0;
        for (int i = 0, start = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (!text.substring(start, i).isBlank()) {
                    count++;
                }
                start = i + 1;
            }
        }
        if (count == 0) {
            throw new BadRequest("the request holds no rows");
        }
        float[] values = new float[Math.multiplyExact(count, features)];
        int row = 0, line = 0;
        for (int i = 0, start = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') {
                continue;
            }
            line++;
            String content = text.substring(start, i);
            start = i + 1;
            if (content.isBlank()) {
                continue;
            }
            String[] fields = content.split(",", -1);
            if (fields.length != features) {
                throw new BadRequest("line " + line + " has " + fields.length + " columns but the model expects " + features
                        + " features (CSV rows are features only: no label, no header)");
            }
            for (int c = 0; c < features; c++) {
                check(fields[c], line, c + 1);
                values[row * features + c] = LoaderFloats.parse(fields[c]);
            }
            row++;
        }
        return new FeatureRows(values, count, features);
    }

    private static void check(String field, int line, int column) throws BadRequest {
        String t = field.trim();
        if (t.isEmpty() || NUMBER.matcher(t).matches()) {
            return;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity":
                return;
            default:
                String shown = t.length() > 40 ? t.substring(0, 40) + "..." : t;
                throw new BadRequest("line " + line + ", column " + column + ": '" + shown + "' is not a number");
        }
    }

    FeatureRows json(byte[] body) throws BadRequest {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("the body cannot be read: " + e.getMessage());
        }
        JsonNode instances;
        if (root != null && root.isArray()) {
            instances = root;
        } else if (root != null && root.path("instances").isArray()) {
            instances = root.path("instances");
        } else if (root != null && root.path("features").isArray()) {
            instances = JSON.createArrayNode().add(root.path("features"));
        } else {
            throw new BadRequest("JSON must be {\"instances\": [[...], ...]}, an array of rows, or {\"features\": [...]}");
        }
        if (instances.isEmpty()) {
            throw new BadRequest("the request holds no rows");
        }
        int rows = instances.size();
        float[] values = new float[Math.multiplyExact(rows, features)];
        for (int r = 0; r < rows; r++) {
            JsonNode row = instances.get(r);
            if (row.isObject() && row.path("features").isArray()) {
                row = row.path("features");
            }
            if (!row.isArray() || row.size() != features) {
                throw new BadRequest("instance " + r + " has " + (row.isArray() ? row.size() + " values" : "no array of values")
                        + " but the model expects " + features + " features");
            }
            for (int c = 0; c < features; c++) {
                JsonNode v = row.get(c);
                if (v.isNull()) {
                    values[r * features + c] = Float.NaN;
                } else if (v.isNumber()) {
                    // the number as the client wrote it, rounded as the CSV loader rounds it
                    values[r * features + c] = LoaderFloats.parse(v.isBigDecimal() ? v.decimalValue().toString() : v.asText());
                } else {
                    throw new BadRequest("instance " + r + ", value " + c + ": " + v + " is not a number or null");
                }
            }
        }
        return new FeatureRows(values, rows, features);
    }
}
