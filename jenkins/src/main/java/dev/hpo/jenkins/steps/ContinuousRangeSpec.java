package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code continuous(name: 'x', min: ..., max: ..., scaling: 'Auto')}: SageMaker's ContinuousParameterRanges entry. */
public final class ContinuousRangeSpec extends NumericRangeSpec<Double> {
    @DataBoundConstructor
    public ContinuousRangeSpec(String name, Double min, Double max) {
        super(name, min, max);
    }

    @Override
    String kind() {
        return "continuous";
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
