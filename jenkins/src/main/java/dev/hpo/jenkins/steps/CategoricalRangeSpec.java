package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code categorical(name: 'booster', values: ['gbtree', 'dart'])}: SageMaker's CategoricalParameterRanges entry. */
public final class CategoricalRangeSpec extends RangeSpec {
    private final List<String> values;

    @DataBoundConstructor
    public CategoricalRangeSpec(String name, List<String> values) {
        super(name);
        this.values = values == null ? List.of() : List.copyOf(values);
    }

    public List<String> getValues() {
        return values;
    }

    @Override
    Map<String, Object> toArgument() {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("kind", "categorical");
        range.put("name", getName());
        range.put("values", new ArrayList<>(values));
        return range;
    }

    @Extension
    @Symbol("categorical")
    public static final class DescriptorImpl extends Descriptor<RangeSpec> {
        @Override
        public String getDisplayName() {
            return "Categorical range";
        }
    }
}
