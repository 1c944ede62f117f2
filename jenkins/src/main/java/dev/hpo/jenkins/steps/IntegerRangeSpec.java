package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code integer(name: 'x', min: ..., max: ..., scaling: 'Auto')}: SageMaker's IntegerParameterRanges entry. */
public final class IntegerRangeSpec extends NumericRangeSpec<Long> {
    @DataBoundConstructor
    public IntegerRangeSpec(String name, Long min, Long max) {
        super(name, min, max);
    }

    @Override
    String kind() {
        return "integer";
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
