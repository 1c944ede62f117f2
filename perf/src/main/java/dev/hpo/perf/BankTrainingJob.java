package dev.hpo.perf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one training job every whole-process and in-process measurement runs: the baseline's default
 * configuration on the prepared bank-marketing data, 100 rounds of hist on one thread, train and
 * validation evaluated every round.
 */
final class BankTrainingJob {
    static final Map<String, String> HYPERPARAMETERS = hyperparameters();

    private BankTrainingJob() {
    }

    private static Map<String, String> hyperparameters() {
        Map<String, String> hps = new LinkedHashMap<>();
        hps.put("objective", "binary:logistic");
        hps.put("eval_metric", "auc");
        hps.put("max_depth", "5");
        hps.put("eta", "0.2");
        hps.put("gamma", "4");
        hps.put("min_child_weight", "6");
        hps.put("subsample", "0.8");
        hps.put("nthread", "1");
        hps.put("seed", "0");
        hps.put("tree_method", "hist");
        hps.put("num_round", "100");
        return hps;
    }

    static String[] arguments() {
        return HYPERPARAMETERS.entrySet().stream().flatMap(e -> List.of("--" + e.getKey(), e.getValue()).stream())
                .toArray(String[]::new);
    }

    static Map<String, String> environment(Path data, Path modelDirectory) {
        return Map.of("SM_CHANNEL_TRAIN", data.resolve("train.csv").toString(),
                "SM_CHANNEL_VALIDATION", data.resolve("validation.csv").toString(),
                "SM_MODEL_DIR", modelDirectory.toString());
    }
}
