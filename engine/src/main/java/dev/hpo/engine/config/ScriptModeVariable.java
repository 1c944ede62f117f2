package dev.hpo.engine.config;

import java.util.Locale;

/**
 * The name a hyperparameter or channel takes in a training job's environment (SM_HP_&lt;NAME&gt;,
 * SM_CHANNEL_&lt;NAME&gt;): upper case, with anything but letters, digits and underscores made an
 * underscore. Kept here, beside the config checks, because two names that differ only in what this
 * folds away would hand the job one variable for both.
 */
public final class ScriptModeVariable {
    public static final String HYPERPARAMETER_PREFIX = "SM_HP_";
    public static final String CHANNEL_PREFIX = "SM_CHANNEL_";

    private ScriptModeVariable() {
    }

    public static String suffix(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    public static String hyperParameter(String name) {
        return HYPERPARAMETER_PREFIX + suffix(name);
    }

    public static String channel(String name) {
        return CHANNEL_PREFIX + suffix(name);
    }
}
