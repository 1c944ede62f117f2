package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code continuous(name: 'x', min: ..., max: ..., scaling: 'Auto')}: SageMaker's ContinuousParameterRanges entry. */
public final class ContinuousRangeSpec extends RangeSpec {
    private final Double min;
    private final Double max;
    private String scaling;

    @DataBoundConstructor
    public ContinuousRangeSpec(String name, Double min, Double max) {
        super(name);
        this.min = min;
        this.max = max;
    }

    public Double getMin() {
        return min;
    }

    public Double getMax() {
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
        range.put("kind", "continuous");
        range.put("name", getName());
        range.put("min", min);
        range.put("max", max);
        if (scaling != null) {
            range.put("scaling", scaling);
        }
        return range;
    }

    @Extension
    @Symbol("continuous")
    public static final class DescriptorImpl extends Descriptor<RangeSpec> {
        @Override
        public String getDisplayName() {
            return "Continuous range";
        }
    }
}
