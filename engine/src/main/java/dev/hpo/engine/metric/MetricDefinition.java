package dev.hpo.engine.metric;

/**
 * One metric definition as the user writes it (SageMaker's {@code MetricDefinitions[]} entry).
 *
 * @param name  the metric's label; opaque (it may contain '@', '[', '=', '-', ':' ...)
 * @param regex a Java regex with at least one capture group (group 1 is the value), or null to
 *              use the predefined XGBoost definition, which exists only for {@code <set>:<metric>}
 *              names such as {@code validation:auc}
 * @param finalValue which value is the final one (Last unless the entry says {@code "FinalValue"})
 */
public record MetricDefinition(String name, String regex, FinalValue finalValue) {

    public MetricDefinition {
        finalValue = finalValue == null ? FinalValue.Last : finalValue;
    }

    public MetricDefinition(String name, String regex) {
        this(name, regex, FinalValue.Last);
    }

    /** A definition that relies on the predefined XGBoost pattern for {@code <set>:<metric>}. */
    public static MetricDefinition predefined(String name) {
        return new MetricDefinition(name, null);
    }
}
