package dev.hpo.xgboost;

import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Turns an XGBoost error into one readable line. The native library appends a C++ stack trace and
 * prefixes a timestamp and source location; in a job log only the sentence in between helps.
 */
public final class XGBoostMessages {
    private XGBoostMessages() {
    }

    public static String oneLine(XGBoostError error) {
        return oneLine(error.getMessage());
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown XGBoost error";
        }
        String text = message;
        int trace = text.indexOf("Stack trace:");
        if (trace >= 0) {
            text = text.substring(0, trace);
        }
        // Native messages look like "[21:34:05] /workspace/src/x.cc:175: Check failed: ...".
        text = text.replaceAll("\\[\\d{2}:\\d{2}:\\d{2}\\]\\s*", "");
        text = text.replaceAll("(?:/[\\w.+-]+)+\\.(?:cc|h|cu|cuh):\\d+:\\s*", "");
        text = text.replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "unknown XGBoost error" : text;
    }
}
