package dev.hpo.xgboost.serve;

import java.util.Locale;

/**
 * How scores go back, chosen by the Accept header: text/csv gives one line per row, the values of a
 * multi-output row separated by commas (as {@code hpo predict} writes them); application/json gives
 * SageMaker XGBoost's {@code {"predictions": [{"score": ...}, ...]}}.
 */
enum ScoreFormat {
    CSV("text/csv"), JSON("application/json");

    private final String mimeType;

    ScoreFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    String mimeType() {
        return mimeType;
    }

    static ScoreFormat forAccept(String accept, String contentType) throws BadRequest {
        String wanted = accept == null || accept.isBlank() || accept.contains("*/*") ? contentType : accept;
        String type = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT);
        if (type.contains("application/json")) {
            return JSON;
        }
        if (type.isEmpty() || type.contains("text/csv")) {
            return CSV;
        }
        throw new BadRequest(406, "cannot answer in '" + accept + "'; accept text/csv or application/json");
    }

    String write(float[][] scores) {
        StringBuilder out = new StringBuilder(scores.length * 12 + 32);
        if (this == CSV) {
            for (float[] row : scores) {
                for (int k = 0; k < row.length; k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    out.append(row[k]);
                }
                out.append('\n');
            }
            return out.toString();
        }
        out.append("{\"predictions\":[");
        for (int r = 0; r < scores.length; r++) {
            out.append(r == 0 ? "" : ",").append("{\"score\":");
            float[] row = scores[r];
            if (row.length == 1) {
                number(out, row[0]);
            } else {
                out.append('[');
                for (int k = 0; k < row.length; k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    number(out, row[k]);
                }
                out.append(']');
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static void number(StringBuilder out, float value) {
        if (Float.isFinite(value)) {
            out.append(value);
        } else {
            out.append("null");
        }
    }
}
