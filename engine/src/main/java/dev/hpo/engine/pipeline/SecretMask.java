package dev.hpo.engine.pipeline;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Hides the values of secret environment variables (a CI server's credentials) in training job output
 * before the tuner keeps any of it: failure reasons quote output lines, and they end up in the store,
 * the build page and the REST API. Longer secrets are replaced first, so one that contains another is
 * hidden whole.
 */
public final class SecretMask {
    public static final String MASK = "****";
    /** Values this short would mask ordinary text; CI servers do not mask them either. */
    static final int MIN_LENGTH = 3;

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    public static SecretMask of(Collection<String> values) {
        return new SecretMask(values.stream().filter(Objects::nonNull).filter(v -> v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public String apply(String line) {
        String masked = line;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
