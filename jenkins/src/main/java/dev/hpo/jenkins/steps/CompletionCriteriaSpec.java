package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code completionCriteria: [targetObjective: 0.95, maxJobsNotImproving: 10, convergenceDetected: true]}. */
public final class CompletionCriteriaSpec extends AbstractDescribableImpl<CompletionCriteriaSpec> {
    private Double targetObjective;
    private Integer maxJobsNotImproving;
    private Boolean convergenceDetected;

    @DataBoundConstructor
    public CompletionCriteriaSpec() {
    }

    public Double getTargetObjective() {
        return targetObjective;
    }

    @DataBoundSetter
    public void setTargetObjective(Double targetObjective) {
        this.targetObjective = targetObjective;
    }

    public Integer getMaxJobsNotImproving() {
        return maxJobsNotImproving;
    }

    @DataBoundSetter
    public void setMaxJobsNotImproving(Integer maxJobsNotImproving) {
        this.maxJobsNotImproving = maxJobsNotImproving;
    }

    public Boolean getConvergenceDetected() {
        return convergenceDetected;
    }

    @DataBoundSetter
    public void setConvergenceDetected(Boolean convergenceDetected) {
        this.convergenceDetected = convergenceDetected;
    }

    Map<String, Object> toArgument() {
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (targetObjective != null) {
            criteria.put("targetObjective", targetObjective);
        }
        if (maxJobsNotImproving != null) {
            criteria.put("maxJobsNotImproving", maxJobsNotImproving);
        }
        if (convergenceDetected != null) {
            criteria.put("convergenceDetected", convergenceDetected);
        }
        return criteria;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<CompletionCriteriaSpec> {
        @Override
        public String getDisplayName() {
            return "Completion criteria";
        }
    }
}
