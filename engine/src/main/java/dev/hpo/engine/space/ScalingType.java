package dev.hpo.engine.space;

import java.util.Locale;

/**
 * How a numeric range is searched, with SageMaker's names. Auto resolves to Linear here: SageMaker
 * documents Auto as "the service decides", and a linear walk is the choice that never surprises.
 */
public enum ScalingType {
    Auto, Linear, Logarithmic, ReverseLogarithmic;

    public static ScalingType parse(String text) {
        for (ScalingType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a ScalingType; use one of Auto, Linear, Logarithmic, ReverseLogarithmic");
    }

    public ScalingType resolved() {
        return this == Auto ? Linear : this;
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
