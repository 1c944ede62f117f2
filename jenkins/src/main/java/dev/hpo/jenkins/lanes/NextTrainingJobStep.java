package dev.hpo.jenkins.lanes;

import dev.hpo.engine.pipeline.BodyQueue;
import dev.hpo.engine.pipeline.BodyRequest;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code hpoNextTrainingJob()}, internal to tuneHyperparametersEach: a lane's next training job, by name,
 * or null once the tuning job has ended. Asynchronous: the lane's Pipeline thread is free while the
 * strategy decides or the other lanes' jobs run; the tuner's thread completes the step.
 */
public final class NextTrainingJobStep extends Step {

    @DataBoundConstructor
    public NextTrainingJobStep() {
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context);
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private transient AtomicBoolean answered;
        private transient volatile BodyQueue.Wait wait;
        private transient TrainingLanes lanes;

        Execution(StepContext context) {
            super(context);
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            answered = new AtomicBoolean();
            lanes = TrainingLanes.of(context, "hpoNextTrainingJob");
            lanes.queue().whenComplete((queue, failure) -> {
                if (failure != null) {
                    answer(null, failure);
                    return;
                }
                wait = queue.next(new BodyQueue.Lane() {
                    @Override
                    public void take(BodyRequest request) {
                        if (!answer(request.trainingJobName(), null)) {
                            // the lane was interrupted as the job came: nobody will run it; the tuner is stopping
                            request.interrupted("its lane was interrupted before the body started");
                        }
                    }

                    @Override
                    public void noMore() {
                        answer(null, null);
                    }
                });
                if (answered.get()) {
                    wait.withdraw();
                }
            });
            return false;
        }

        private boolean answer(String trainingJobName, Throwable failure) {
            if (!answered.compareAndSet(false, true)) {
                return false;
            }
            if (failure != null) {
                getContext().onFailure(failure);
            } else {
                getContext().onSuccess(trainingJobName);
            }
            return true;
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            if (answered == null || answered.compareAndSet(false, true)) {
                BodyQueue.Wait current = wait;
                if (current != null) {
                    current.withdraw();
                }
                if (lanes != null) {
                    try {
                        lanes.interrupted(cause);
                    } catch (AbortException tunerGone) {
                        // nothing left to stop
                    }
                }
                getContext().onFailure(cause);
            }
        }

        @Override
        public void onResume() {
            getContext().onFailure(new AbortException("tuneHyperparametersEach cannot continue after a controller restart; run the build again"));
        }

        @Override
        public String getStatus() {
            return answered != null && answered.get() ? "answered" : "waiting for the tuner's next training job";
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "hpoNextTrainingJob";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Internal to tuneHyperparametersEach: a lane's next training job";
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
