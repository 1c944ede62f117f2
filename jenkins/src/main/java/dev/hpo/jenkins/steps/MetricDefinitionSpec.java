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
 * {@code metric(name: 'loss', regex: 'loss=([0-9.]+)')}: a regex with one capture group applied to every
 * line a training job prints. Without a regex, a name such as {@code validation:auc} takes the built-in
 * XGBoost's predefined definition. Regexes run in the engine under a time budget; they are never code.
 */
public final class MetricDefinitionSpec extends AbstractDescribableImpl<MetricDefinitionSpec> {
    private final String name;
    private String regex;

    @DataBoundConstructor
    public MetricDefinitionSpec(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getRegex() {
        return regex;
    }

    @DataBoundSetter
    public void setRegex(String regex) {
        this.regex = regex == null || regex.isEmpty() ? null : regex;
    }

    Map<String, Object> toArgument() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", name);
        if (regex != null) {
            definition.put("regex", regex);
        }
        return definition;
    }

    @Extension
    @Symbol("metric")
    public static final class DescriptorImpl extends Descriptor<MetricDefinitionSpec> {
        @Override
        public String getDisplayName() {
            return "Metric definition";
        }
    }
}
