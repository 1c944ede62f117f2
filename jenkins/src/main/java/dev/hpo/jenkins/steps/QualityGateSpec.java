package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One entry of {@code qualityGates: [[threshold: 0.78], [baseline: 'lastSuccessful', criticality: 'FAILURE']]}.
 * The rules themselves are dev.hpo.engine.gate.QualityGate, judged by dev.hpo.engine.gate.Gate as hpo gate is.
 */
public final class QualityGateSpec extends AbstractDescribableImpl<QualityGateSpec> {
    private Double threshold;
    private String baseline;
    private Double tolerance;
    private String criticality;

    @DataBoundConstructor
    public QualityGateSpec() {
    }

    public Double getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = AbstractTuningStep.emptyToNull(baseline);
    }

    public Double getTolerance() {
        return tolerance;
    }

    @DataBoundSetter
    public void setTolerance(Double tolerance) {
        this.tolerance = tolerance;
    }

    public String getCriticality() {
        return criticality;
    }

    @DataBoundSetter
    public void setCriticality(String criticality) {
        this.criticality = AbstractTuningStep.emptyToNull(criticality);
    }

    Map<String, Object> toArgument() {
        Map<String, Object> gate = new LinkedHashMap<>();
        if (threshold != null) {
            gate.put("threshold", threshold);
        }
        if (baseline != null) {
            gate.put("baseline", baseline);
        }
        if (tolerance != null) {
            gate.put("tolerance", tolerance);
        }
        if (criticality != null) {
            gate.put("criticality", criticality);
        }
        return gate;
    }

    @Extension
    @Symbol("qualityGate")
    public static final class DescriptorImpl extends Descriptor<QualityGateSpec> {
        @Override
        public String getDisplayName() {
            return "Quality gate";
        }
    }
}
