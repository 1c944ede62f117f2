package dev.hpo.jenkins.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tuneHyperparametersEach(objective: ..., ranges: [...], metricDefinitions: [...]) { node('gpu') { sh ... } }}:
 * the block form. Each training job is one run of the body, with the hyperparameters in the environment;
 * the objective is scraped from the body's console output. The body's {@code node} steps place each training
 * job on an agent (or cloud agent). Bodies run one at a time: see PipelineBodyRunner for why.
 */
public final class TuneHyperparametersEachStep extends AbstractTuningStep {

    @DataBoundConstructor
    public TuneHyperparametersEachStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TuningStepExecution(context, this, TuningStepExecution.Form.BODY);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "tuneHyperparametersEach";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Tune hyperparameters (each training job runs the body)";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
