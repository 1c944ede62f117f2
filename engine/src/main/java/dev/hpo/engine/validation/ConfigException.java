package dev.hpo.engine.validation;

import java.util.List;

/**
 * A tuning job config that cannot run. Carries every problem found, each naming its field path
 * (for example {@code HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].MinValue}),
 * so a user fixes the whole file in one pass instead of one error per run.
 */
public class ConfigException extends Exception {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String fieldPath, String message) {
        this(List.of(new ConfigProblem(fieldPath, message)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder(problems.size() == 1
                ? "The tuning job config has 1 problem:"
                : "The tuning job config has " + problems.size() + " problems:");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
