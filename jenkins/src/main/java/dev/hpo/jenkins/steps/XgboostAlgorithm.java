package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code xgboost(train: 'data/train.csv', validation: 'data/validation.csv')}: the built-in XGBoost. */
public final class XgboostAlgorithm extends AlgorithmSpec {
    private final String train;
    private String validation;
    private String contentType;

    @DataBoundConstructor
    public XgboostAlgorithm(String train) {
        this.train = train;
    }

    public String getTrain() {
        return train;
    }

    public String getValidation() {
        return validation;
    }

    @DataBoundSetter
    public void setValidation(String validation) {
        this.validation = AbstractTuningStep.emptyToNull(validation);
    }

    public String getContentType() {
        return contentType;
    }

    @DataBoundSetter
    public void setContentType(String contentType) {
        this.contentType = AbstractTuningStep.emptyToNull(contentType);
    }

    @Override
    Map<String, Object> toArgument() {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("kind", "xgboost");
        algorithm.put("train", train);
        if (validation != null) {
            algorithm.put("validation", validation);
        }
        if (contentType != null) {
            algorithm.put("contentType", contentType);
        }
        return algorithm;
    }

    @Override
    boolean isBuiltIn() {
        return true;
    }

    @Extension
    @Symbol("xgboost")
    public static final class DescriptorImpl extends Descriptor<AlgorithmSpec> {
        @Override
        public String getDisplayName() {
            return "Built-in XGBoost";
        }
    }
}
