package dev.hpo.jenkins.lanes;

import edu.umd.cs.findbugs.annotations.NonNull;
import groovy.lang.Binding;
import hudson.Extension;
import java.net.URL;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * {@code tuneHyperparametersEach(...) { body }}: the block form, as Pipeline DSL. Its value is the Groovy class
 * {@code TuneHyperparametersEach} shipped with the plugin, which runs the step of the same name with
 * the lanes inside it: Pipeline's own {@code parallel} with one branch per parallel training job, each
 * taking training jobs one after another and running the user's body for each.
 *
 * <p>Why DSL and not only a step: only a step's start() gives its bodies their own flow heads, and the
 * tuner decides training jobs one by one as earlier ones end, so one step cannot start them all there.
 * {@code parallel} branches, and a block step per training job inside them, give every body its own
 * head (docs/jenkins-api-check.md has the source lines). A script's call of this name reaches this
 * variable before the step (CpsScript.invokeMethod looks up global variables first); the class calls
 * the step itself through {@code steps}.
 */
@Extension
public final class TuneHyperparametersEachVariable extends GlobalVariable {
    static final String NAME = "tuneHyperparametersEach";
    private static final String CLASS = "dev.hpo.jenkins.lanes.TuneHyperparametersEach";

    @NonNull
    @Override
    public String getName() {
        return NAME;
    }

    @NonNull
    @Override
    public Object getValue(@NonNull CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(NAME)) {
            return binding.getVariable(NAME);
        }
        // loaded by the script's class loader, so it is compiled (CPS-transformed, not sandboxed) by the build's trusted shell
        Object value = script.getClass().getClassLoader().loadClass(CLASS).getConstructor(CpsScript.class).newInstance(script);
        binding.setVariable(NAME, value);
        return value;
    }

    /** Lets Pipeline load this plugin's one Groovy source file, and no other. */
    @Extension
    public static final class Allowlist extends GroovySourceFileAllowlist {
        private final String url;

        public Allowlist() {
            URL resource = TuneHyperparametersEachVariable.class.getResource("TuneHyperparametersEach.groovy");
            url = resource == null ? null : resource.toString();
        }

        @Override
        public boolean isAllowed(String groovySourceFileUrl) {
            return groovySourceFileUrl.equals(url);
        }
    }
}
