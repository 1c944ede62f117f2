package dev.hpo.jenkins.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What a continuous and an integer range share: bounds and a scaling type. The subclasses keep their own
 * {@code @DataBoundConstructor}, because structs reads the bounds' types (Double or Long) from it; the
 * {@code scaling} setter is found here, as structs and Stapler look for {@code @DataBoundSetter}s up the
 * class hierarchy.
 */
public abstract class NumericRangeSpec<N extends Number> extends RangeSpec {
    private final N min;
    private final N max;
    private String scaling;

    protected NumericRangeSpec(String name, N min, N max) {
        super(name);
        this.min = min;
        this.max = max;
    }

    public N getMin() {
        return min;
    }

    public N getMax() {
        return max;
    }

    public String getScaling() {
        return scaling;
    }

    @DataBoundSetter
    public void setScaling(String scaling) {
        this.scaling = AbstractTuningStep.emptyToNull(scaling);
    }

    /** The engine mapper's name of this kind of range. */
    abstract String kind();

    @Override
    final Map<String, Object> toArgument() {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("kind", kind());
        range.put("name", getName());
        range.put("min", min);
        range.put("max", max);
        if (scaling != null) {
            range.put("scaling", scaling);
        }
        return range;
    }
}
