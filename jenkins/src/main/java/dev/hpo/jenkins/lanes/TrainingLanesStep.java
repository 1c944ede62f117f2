package dev.hpo.jenkins.lanes;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code hpoTrainingLanes()}, internal to tuneHyperparametersEach: how many lanes its parallel runs,
 * the tuning job's MaxParallelTrainingJobs. Waits (without holding the Pipeline's thread) until the
 * config has been parsed, and fails with the config's problems if it is not valid.
 */
public final class TrainingLanesStep extends Step {

    @DataBoundConstructor
    public TrainingLanesStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context);
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context) {
            super(context);
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            TrainingLanes.of(context, "hpoTrainingLanes").queue().whenComplete((queue, failure) -> {
                if (failure != null) {
                    context.onFailure(failure);
                } else {
                    context.onSuccess(queue.lanes());
                }
            });
            return false;
        }

        @Override
        public void onResume() {
            getContext().onFailure(new hudson.AbortException("tuneHyperparametersEach cannot continue after a controller restart; run the build again"));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "hpoTrainingLanes";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Internal to tuneHyperparametersEach: the number of training lanes";
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of();
        }
    }
}
