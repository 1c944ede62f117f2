package dev.hpo.xgboost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one training run needs, checked: the number of rounds, the declared content type, the
 * parameters handed to XGBoost, and the evaluation metrics to print.
 *
 * <p>Everything except {@code num_round}, {@code content_type} and names starting with {@code _} goes
 * to XGBoost unchanged, so any XGBoost parameter works without this class knowing it. Names starting
 * with {@code _} belong to the platform: SageMaker's tuner injects {@code _tuning_objective_metric}.
 */
public record TrainingSettings(int numRound, Optional<ContentType> contentType,
                               Map<String, String> boosterParams, List<String> evalMetrics) {

    public static final String DEFAULT_TREE_METHOD = "hist";

    /**
     * Metrics that SageMaker's XGBoost container computes in Python on top of XGBoost. XGBoost itself
     * does not know them, so asking for one is a configuration error we can explain, not a crash.
     */
    static final Set<String> CONTAINER_ONLY_METRICS = Set.of(
            "accuracy", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "mse", "r2",
            "precision", "precision_macro", "precision_micro", "recall", "recall_macro", "recall_micro");

    public TrainingSettings {
        boosterParams = Collections.unmodifiableMap(new LinkedHashMap<>(boosterParams));
        evalMetrics = List.copyOf(evalMetrics);
    }

    public static TrainingSettings from(Hyperparameters hyperparameters) throws UsageException {
        Map<String, String> hps = hyperparameters.asMap();

        String rounds = hps.get("num_round");
        if (rounds == null || rounds.isBlank()) {
            throw new UsageException("hyperparameter num_round is required (the number of boosting rounds), e.g. --num_round 100");
        }
        long numRound = Long.parseLong(ParameterTypes.normalize("num_round", rounds));
        if (numRound < 1 || numRound > Integer.MAX_VALUE) {
            throw new UsageException("hyperparameter num_round must be at least 1, got '" + rounds + "'");
        }

        Optional<ContentType> contentType = Optional.empty();
        if (hps.containsKey("content_type")) {
            contentType = Optional.of(ContentType.parse(hps.get("content_type")));
        }

        Map<String, String> params = new LinkedHashMap<>();
        // XGBoost 2+ defaults to hist as well, but saying it makes the run independent of the version.
        params.put("tree_method", DEFAULT_TREE_METHOD);
        List<String> metrics = new ArrayList<>();
        for (Map.Entry<String, String> e : hps.entrySet()) {
            String name = e.getKey();
            if (name.equals("num_round") || name.equals("content_type") || name.startsWith("_")) {
                continue;
            }
            if (name.equals("eval_metric")) {
                addMetrics(metrics, e.getValue());
                continue;
            }
            params.put(name, ParameterTypes.normalize(name, e.getValue()));
        }

        // Like SageMaker's container: the tuning objective is always computed, even if eval_metric forgot it.
        Optional<String> objective = hyperparameters.get("_tuning_objective_metric");
        if (objective.isPresent()) {
            String metric = objective.get().trim();
            int colon = metric.indexOf(':');
            if (colon >= 0) {
                metric = metric.substring(colon + 1).trim();
            }
            addMetrics(metrics, metric);
        }
        for (String metric : metrics) {
            if (CONTAINER_ONLY_METRICS.contains(metric)) {
                throw new UsageException("metric " + metric + " (eval_metric or _tuning_objective_metric) is computed by"
                        + " SageMaker's XGBoost container, not by XGBoost; use an XGBoost metric such as auc, logloss,"
                        + " error (= 1 - accuracy) or rmse (= sqrt of mse)");
            }
        }
        return new TrainingSettings((int) numRound, contentType, params, metrics);
    }

    /** eval_metric may list several metrics separated by commas, as SageMaker's container allows. */
    private static void addMetrics(List<String> metrics, String list) {
        for (String m : list.split(",")) {
            String metric = m.trim();
            if (!metric.isEmpty() && !metrics.contains(metric)) {
                metrics.add(metric);
            }
        }
    }
}
