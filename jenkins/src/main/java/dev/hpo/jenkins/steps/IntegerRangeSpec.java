package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code integer(name: 'x', min: ..., max: ..., scaling: 'Auto')}: SageMaker's IntegerParameterRanges entry. */
public final class IntegerRangeSpec extends RangeSpec {
    private final Long min;
    private final Long max;
    private String scaling;

    @DataBoundConstructor
    public IntegerRangeSpec(String name, Long min, Long max) {
        super(name);
        this.min = min;
        this.max = max;
    }

    public Long getMin() {
        return min;
    }

    public Long getMax() {
        return max;
    }

    public String getScaling() {
        return scaling;
    }

    @DataBoundSetter
    public void setScaling(String scaling) {
        this.scaling = AbstractTuningStep.emptyToNull(scaling);
    }

    @Override
    Map<String, Object> toArgument() {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("kind", "integer");
        range.put("name", getName());
        range.put("min", min);
        range.put("max", max);
        if (scaling != null) {
            range.put("scaling", scaling);
        }
        return range;
    }

    @Extension
    @Symbol("integer")
    public static final class DescriptorImpl extends Descriptor<RangeSpec> {
        @Override
        public String getDisplayName() {
            return "Integer range";
        }
    }
}
