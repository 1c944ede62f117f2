package dev.hpo.engine.gate;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CI step's gate, as warnings-ng's {@code qualityGates}: a rule and what the build becomes when it fails.
 * The rule is a threshold, or "no worse than the last successful build" ({@link GateRule.NoWorseThan}),
 * whose baseline is only known when the tuning job has ended.
 *
 * @param threshold   the value to reach (null for a baseline gate)
 * @param tolerance   how much worse than the baseline still passes (0: equal passes, worse fails)
 * @param criticality what the build becomes when the rule fails
 */
public record QualityGate(Double threshold, double tolerance, Criticality criticality) {

    /** Jenkins' own result names, so the mapping in the plugin is one to one. */
    public enum Criticality { UNSTABLE, FAILURE }

    public static final String BASELINE_LAST_SUCCESSFUL = "lastSuccessful";

    /** The rule for this build, given the last successful build's tuning result (null: there is none). */
    public GateRule rule(Baseline lastSuccessful) {
        if (threshold != null) {
            return new GateRule.Threshold(threshold, null);
        }
        return lastSuccessful == null
                ? new GateRule.NothingToCompare("no earlier successful build with a tuning result to compare with")
                : new GateRule.NoWorseThan(lastSuccessful, tolerance);
    }

    /**
     * Reads {@code qualityGates: [[threshold: 0.78, criticality: 'UNSTABLE'], [baseline: 'lastSuccessful']]}.
     * The criticality defaults to UNSTABLE, as a warning that needs a look rather than a broken build.
     */
    public static List<QualityGate> fromArguments(List<? extends Map<String, ?>> gates) throws ConfigException {
        List<QualityGate> result = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            String at = "qualityGates[" + i + "]";
            Map<String, ?> gate = gates.get(i);
            for (String key : gate.keySet()) {
                if (!Set.of("threshold", "baseline", "tolerance", "criticality").contains(key)) {
                    problems.add(new ConfigProblem(at + "." + key, "is not known here; known: baseline, criticality, threshold, tolerance"));
                }
            }
            Criticality criticality = Criticality.UNSTABLE;
            Object level = gate.get("criticality");
            if (level != null) {
                try {
                    criticality = Criticality.valueOf(String.valueOf(level).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(at + ".criticality", "must be UNSTABLE or FAILURE, not '" + level + "'"));
                }
            }
            Double tolerance = number(gate.get("tolerance"), at + ".tolerance", problems);
            if (tolerance != null && tolerance < 0) {
                problems.add(new ConfigProblem(at + ".tolerance", "must be 0 or more, not " + tolerance));
            }
            Object baseline = gate.get("baseline");
            Double threshold = number(gate.get("threshold"), at + ".threshold", problems);
            if (threshold != null && baseline != null) {
                problems.add(new ConfigProblem(at, "give threshold or baseline, not both"));
            } else if (threshold != null) {
                result.add(new QualityGate(threshold, 0, criticality));
            } else if (BASELINE_LAST_SUCCESSFUL.equals(baseline)) {
                result.add(new QualityGate(null, tolerance == null ? 0 : tolerance, criticality));
            } else if (baseline != null) {
                problems.add(new ConfigProblem(at + ".baseline", "must be '" + BASELINE_LAST_SUCCESSFUL + "', not '" + baseline + "'"));
            } else {
                problems.add(new ConfigProblem(at, "needs threshold (a value the best objective must reach) or baseline: '"
                        + BASELINE_LAST_SUCCESSFUL + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return result;
    }

    private static Double number(Object value, String at, List<ConfigProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        try {
            double parsed = Double.parseDouble(String.valueOf(value).trim());
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(new ConfigProblem(at, "must be a finite number, not '" + value + "'"));
        return null;
    }
}
