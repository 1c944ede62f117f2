package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code warmStart: [builds: ['lastSuccessful', '41'], type: 'IdenticalDataAndAlgorithm']}: the new tuning
 * job learns from the tuning jobs of earlier builds of this job. Builds are named by number or by
 * lastSuccessful/lastStable/lastCompleted; the plugin resolves each to that build's tuning job directory.
 */
public final class WarmStartSpec extends AbstractDescribableImpl<WarmStartSpec> {
    private List<String> builds = List.of();
    private String type;

    @DataBoundConstructor
    public WarmStartSpec() {
    }

    public List<String> getBuilds() {
        return builds;
    }

    @DataBoundSetter
    public void setBuilds(List<String> builds) {
        this.builds = builds == null ? List.of() : List.copyOf(builds);
    }

    public String getType() {
        return type;
    }

    @DataBoundSetter
    public void setType(String type) {
        this.type = AbstractTuningStep.emptyToNull(type);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<WarmStartSpec> {
        @Override
        public String getDisplayName() {
            return "Warm start";
        }
    }
}
