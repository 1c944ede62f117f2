package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads HyperParameterTuningJobConfig.StrategyConfig, which only Hyperband takes. */
final class StrategyConfigReader {
    static final String PATH = "HyperParameterTuningJobConfig.StrategyConfig";
    private static final String HYPERBAND = PATH + ".HyperbandStrategyConfig";
    private static final int MAX_RESOURCE_LIMIT = 20_000;
    /** Static hyperparameters SageMaker reads MaxResource from when it is absent; num_round is the built-in XGBoost's. */
    private static final List<String> RESOURCE_HYPERPARAMETERS = List.of("epochs", "numepochs", "n-epochs", "n_epochs",
            "num_epochs", "num_round");

    private final FieldReader reader;

    StrategyConfigReader(FieldReader reader) {
        this.reader = reader;
    }

    /** @return the Hyperband settings, or null when the strategy is not Hyperband (or the settings are wrong) */
    HyperbandSettings read(JsonNode tuning, StrategyName strategy, Map<String, String> statics) {
        JsonNode node = reader.object(tuning, "StrategyConfig", "HyperParameterTuningJobConfig", false);
        if (node != null && strategy != StrategyName.Hyperband) {
            reader.problem(PATH, "applies to the Hyperband strategy only, not " + strategy + "; remove it");
            return null;
        }
        if (strategy != StrategyName.Hyperband) {
            return null;
        }
        reader.checkFields(node, PATH, Set.of("HyperbandStrategyConfig"), Set.of());
        JsonNode hyperband = reader.object(node, "HyperbandStrategyConfig", PATH, false);
        reader.checkFields(hyperband, HYPERBAND, Set.of("MinResource", "MaxResource"), Set.of());
        if (quoted(hyperband, "MinResource") | quoted(hyperband, "MaxResource")) {
            return null;
        }
        Long min = reader.integerAtLeast(hyperband, "MinResource", HYPERBAND, false, 1);
        Long max = reader.integerAtLeast(hyperband, "MaxResource", HYPERBAND, false, 1);
        if (max == null && (hyperband == null || !hyperband.has("MaxResource"))) {
            int before = reader.problems().size();
            max = inferred(statics);
            if (max == null && reader.problems().size() == before) {
                reader.problem(HYPERBAND + ".MaxResource", "is required unless a static hyperparameter names the epochs or rounds ("
                        + String.join(", ", RESOURCE_HYPERPARAMETERS) + ")");
            }
        }
        if (max == null) {
            return null;
        }
        if (max > MAX_RESOURCE_LIMIT) {
            reader.problem(HYPERBAND + ".MaxResource", "must be at most " + MAX_RESOURCE_LIMIT + ", not " + max);
            return null;
        }
        long minimum = min == null ? 1 : min;
        if (minimum > max) {
            reader.problem(HYPERBAND + ".MinResource", "(" + minimum + ") must not exceed MaxResource (" + max + ")");
            return null;
        }
        noteUnreachableRungs(statics, minimum);
        return new HyperbandSettings((int) minimum, (int) (long) max, ownResource(statics));
    }

    /**
     * SageMaker types the resources as integers, unlike the ranges' Min/MaxValue, which are strings:
     * a quoted count is a sign the field was copied from the wrong place.
     */
    private boolean quoted(JsonNode hyperband, String field) {
        JsonNode value = hyperband == null ? null : hyperband.get(field);
        if (value != null && value.isTextual()) {
            reader.problem(HYPERBAND + "." + field, "must be a JSON integer, not the string \"" + value.asText()
                    + "\"; write it without quotes");
            return true;
        }
        return false;
    }

    /** A job that runs fewer rounds than MinResource never reaches the first rung, so Hyperband never stops one. */
    private void noteUnreachableRungs(Map<String, String> statics, long minimum) {
        for (String name : RESOURCE_HYPERPARAMETERS) {
            String value = statics.get(name);
            if (value == null) {
                continue;
            }
            try {
                long rounds = Long.parseLong(value.trim());
                if (rounds < minimum) {
                    reader.note(HYPERBAND + ".MinResource (" + minimum + ") exceeds the " + rounds
                            + " rounds the training jobs run (StaticHyperParameters." + name
                            + "), so no job reaches a rung and Hyperband stops none");
                }
            } catch (NumberFormatException notACount) {
                // the job's own parser reports it
            }
            return;
        }
    }

    /** The first resource hyperparameter's count, or 0 when there is none or it is not a count (the job's parser reports it). */
    private static int ownResource(Map<String, String> statics) {
        for (String name : RESOURCE_HYPERPARAMETERS) {
            String value = statics.get(name);
            if (value != null) {
                try {
                    long rounds = Long.parseLong(value.trim());
                    return rounds >= 1 && rounds <= Integer.MAX_VALUE ? (int) rounds : 0;
                } catch (NumberFormatException notACount) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private Long inferred(Map<String, String> statics) {
        for (String name : RESOURCE_HYPERPARAMETERS) {
            String value = statics.get(name);
            if (value != null) {
                try {
                    long parsed = Long.parseLong(value.trim());
                    if (parsed >= 1) {
                        return parsed;
                    }
                } catch (NumberFormatException ignored) {
                    // not a count; the next candidate may be
                }
                reader.problem("TrainingJobDefinition.StaticHyperParameters." + name, "'" + value
                        + "' is not a whole number of at least 1, so Hyperband cannot take MaxResource from it; give "
                        + HYPERBAND + ".MaxResource");
                return null;
            }
        }
        return null;
    }
}
