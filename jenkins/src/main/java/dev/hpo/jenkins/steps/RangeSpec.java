package dev.hpo.jenkins.steps;

import hudson.model.AbstractDescribableImpl;
import java.util.Map;

/** One hyperparameter range of {@code ranges: [...]}: continuous, integer or categorical. */
public abstract class RangeSpec extends AbstractDescribableImpl<RangeSpec> {
    private final String name;

    protected RangeSpec(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** The range as the engine's mapper reads it. */
    abstract Map<String, Object> toArgument();
}
