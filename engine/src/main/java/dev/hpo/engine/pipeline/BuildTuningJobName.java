package dev.hpo.engine.pipeline;

import java.util.Locale;

/**
 * The tuning job's name when a step gives none: the CI job's name and the build number, reduced to
 * what HyperParameterTuningJobName allows (1 to 32 letters, digits and hyphens), so that every build
 * has its own tuning job and the name still says where it came from.
 */
public final class BuildTuningJobName {
    private static final int MAX_LENGTH = 32;

    private BuildTuningJobName() {
    }

    /** @param jobName the CI job's name (a folder path is reduced to its last part) */
    public static String of(String jobName, int buildNumber) {
        String suffix = "-" + buildNumber;
        String base = jobName == null ? "" : jobName.substring(jobName.lastIndexOf('/') + 1);
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "tuning";
        }
        int room = MAX_LENGTH - suffix.length();
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return base + suffix;
    }
}
