package dev.hpo.jenkins.lanes;

import dev.hpo.engine.pipeline.BodyQueue;
import dev.hpo.engine.pipeline.BodyRequest;
import dev.hpo.engine.pipeline.SecretMask;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.console.ConsoleNote;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code hpoTrainingJob(name) { body }}, internal to tuneHyperparametersEach: one training job, the user's
 * body run once with the hyperparameters in its environment and its console output captured for the
 * metrics. The body starts inside start(), so it has a flow node block of its own on its lane's head,
 * and cancelling it (early stopping, the per-job runtime, the tuner stopping) stops that body only.
 *
 * <p>How the body ended decides what the lane does next: a failure of the body is a failed training
 * job, and the lane goes on with the next job; an interruption the tuner did not ask for (an abort,
 * or a {@code timeout} around part of the body) stops the whole tuning job and fails the lane.
 */
public final class TrainingJobStep extends Step {
    private final String trainingJobName;

    @DataBoundConstructor
    public TrainingJobStep(String trainingJobName) {
        this.trainingJobName = trainingJobName;
    }

    public String getTrainingJobName() {
        return trainingJobName;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, trainingJobName);
    }

    /** Why a body was cancelled by the tuner, as the build's interruption records show it. */
    static final class StoppedByTuner extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;
        private final String reason;

        StoppedByTuner(String reason) {
            this.reason = reason;
        }

        @Override
        public String getShortDescription() {
            return reason;
        }
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private final String trainingJobName;
        private transient volatile BodyExecution body;

        Execution(StepContext context, String trainingJobName) {
            super(context);
            this.trainingJobName = trainingJobName;
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            TrainingLanes lanes = TrainingLanes.of(context, "hpoTrainingJob");
            // hpoTrainingLanes waited for the queue, so it exists; never block the Pipeline's thread on it
            CompletableFuture<BodyQueue> lanesQueue = lanes.queue();
            BodyQueue queue = !lanesQueue.isDone() || lanesQueue.isCompletedExceptionally() ? null : lanesQueue.join();
            BodyRequest request = queue == null ? null : queue.taken(trainingJobName);
            if (request == null) {
                throw new AbortException("hpoTrainingJob: no training job named " + trainingJobName + " is waiting for this lane");
            }
            SecretMask secrets = secrets(context);
            AtomicBoolean stoppedByTuner = new AtomicBoolean();
            String capture = ConsoleCapture.open(line -> request.output().onLine(secrets.apply(ConsoleNote.removeNotes(line)), false));
            try {
                BodyExecution started = context.newBodyInvoker()
                        .withDisplayName("training job " + trainingJobName)
                        .withContexts(
                                EnvironmentExpander.merge(context.get(EnvironmentExpander.class), EnvironmentExpander.constant(request.environment())),
                                TaskListenerDecorator.merge(context.get(TaskListenerDecorator.class), new ConsoleCapture(capture)))
                        .withCallback(new Ended(capture, lanes, request, stoppedByTuner))
                        .start();
                body = started;
                // a stop that came while the lane was taking the job cancels the body now (before it launches, it never runs)
                request.started(reason -> {
                    stoppedByTuner.set(true);
                    started.cancel(new FlowInterruptedException(Result.ABORTED, true, new StoppedByTuner(reason)));
                });
            } catch (Exception | Error e) {
                ConsoleCapture.close(capture);
                request.failed("the body could not start: " + e);
                throw e;
            }
            return false;
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            BodyExecution current = body;
            if (current != null) {
                current.cancel(cause);
            } else {
                super.stop(cause);
            }
        }

        @Override
        public void onResume() {
            getContext().onFailure(new AbortException("tuneHyperparametersEach cannot continue after a controller restart; run the build again"));
        }

        @Override
        public String getStatus() {
            return "running the body of training job " + trainingJobName;
        }
    }

    /** The values of withCredentials' variables and any other the Pipeline marks sensitive, masked in what the tuner keeps. */
    private static SecretMask secrets(StepContext context) throws Exception {
        EnvironmentExpander expander = context.get(EnvironmentExpander.class);
        EnvVars environment = context.get(EnvVars.class);
        List<String> values = new ArrayList<>();
        if (expander != null && environment != null) {
            for (String name : expander.getSensitiveVariables()) {
                values.add(environment.get(name));
            }
        }
        return SecretMask.of(values);
    }

    /**
     * Reports the body's end to the tuner and ends the step. Runs on the CPS VM thread: it only hands the
     * end over. Not kept across a controller restart (the tuning job does not survive one).
     */
    private static final class Ended extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final String capture;
        private final TrainingLanes lanes;
        private final transient BodyRequest request;
        private final transient AtomicBoolean stoppedByTuner;

        Ended(String capture, TrainingLanes lanes, BodyRequest request, AtomicBoolean stoppedByTuner) {
            this.capture = capture;
            this.lanes = lanes;
            this.request = request;
            this.stoppedByTuner = stoppedByTuner;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            ConsoleCapture.close(capture);
            if (request == null) {
                context.onFailure(new AbortException("tuneHyperparametersEach cannot continue after a controller restart; run the build again"));
                return;
            }
            request.succeeded();
            context.onSuccess(null);
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            ConsoleCapture.close(capture);
            if (request == null) {
                context.onFailure(failure);
                return;
            }
            String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            if (stoppedByTuner.get() || !(failure instanceof FlowInterruptedException)) {
                // a failed or stopped training job; the lane goes on with the next one
                request.failed(reason);
                context.onSuccess(null);
                return;
            }
            try {
                lanes.interrupted(failure);
            } catch (AbortException tunerGone) {
                // nothing left to stop
            }
            request.interrupted(reason);
            context.onFailure(failure);
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "hpoTrainingJob";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Internal to tuneHyperparametersEach: one training job's body";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }
    }
}
