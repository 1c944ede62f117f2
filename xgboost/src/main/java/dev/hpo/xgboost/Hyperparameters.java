package dev.hpo.xgboost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hyperparameters of one training job, as strings under XGBoost's canonical names.
 *
 * <p>They arrive the SageMaker script-mode way: as {@code --name value} pairs on the command line and
 * as the JSON object in the environment variable {@code SM_HPS}. The command line wins, because it is
 * what a person typing a command sees. SageMaker's XGBoost accepts a few scikit-learn style aliases
 * ({@code learning_rate}, {@code min_split_loss}, {@code reg_lambda}, {@code reg_alpha}); they are
 * renamed here so that the rest of the code, and a value given under both names, has one spelling.
 */
public final class Hyperparameters {
    /** Alias to canonical XGBoost name, as SageMaker's XGBoost container accepts them. */
    static final Map<String, String> ALIASES = Map.of(
            "learning_rate", "eta",
            "min_split_loss", "gamma",
            "reg_lambda", "lambda",
            "reg_alpha", "alpha");

    private final Map<String, String> values;

    private Hyperparameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** From a map, as a launcher holding the values in memory would pass them; aliases are renamed. */
    public static Hyperparameters of(Map<String, String> values) throws UsageException {
        return new Hyperparameters(canonical(values, "hyperparameter"));
    }

    /** Command line and {@code SM_HPS} merged; the command line wins name by name. */
    public static Hyperparameters resolve(String[] args, Map<String, String> env) throws UsageException {
        Map<String, String> merged = new LinkedHashMap<>();
        String smHps = env.get("SM_HPS");
        if (smHps != null && !smHps.isBlank()) {
            merged.putAll(fromSmHps(smHps).values);
        }
        merged.putAll(fromCommandLine(args).values);
        return new Hyperparameters(merged);
    }

    /** Reads {@code --name value} (or {@code --name=value}) pairs; a repeated name keeps its last value. */
    public static Hyperparameters fromCommandLine(String[] args) throws UsageException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg
                        + "': hyperparameters are passed as --name value");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new UsageException("hyperparameter " + name + " has no value: expected --" + name + " <value>");
                }
                value = args[++i];
            }
            if (name.isEmpty()) {
                throw new UsageException("argument '" + arg + "' has an empty hyperparameter name");
            }
            raw.remove(name); // keep the position of the last occurrence, like the value
            raw.put(name, value);
        }
        return new Hyperparameters(canonical(raw, "command-line hyperparameter"));
    }

    /** Reads SageMaker's {@code SM_HPS}: a flat JSON object whose values are strings or numbers. */
    public static Hyperparameters fromSmHps(String json) throws UsageException {
        Map<String, String> raw;
        try {
            raw = FlatJsonObject.parse(json);
        } catch (IllegalArgumentException e) {
            throw new UsageException("SM_HPS is not a flat JSON object of hyperparameters: " + e.getMessage());
        }
        return new Hyperparameters(canonical(raw, "SM_HPS hyperparameter"));
    }

    private static Map<String, String> canonical(Map<String, String> raw, String source) throws UsageException {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = ALIASES.getOrDefault(e.getKey(), e.getKey());
            String earlier = spelledAs.put(name, e.getKey());
            if (earlier != null) {
                throw new UsageException(source + "s " + earlier + " and " + e.getKey()
                        + " are the same XGBoost parameter (" + name + "); give only one");
            }
            out.put(name, e.getValue());
        }
        return out;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** All hyperparameters in the order given, under canonical names. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
