package dev.hpo.jenkins.steps;

import dev.hpo.engine.pipeline.BodyQueue;
import dev.hpo.jenkins.lanes.TrainingLanes;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.concurrent.CompletableFuture;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * The block form's tuning job. The tuner runs on a thread of its own, as for processes; the step's body
 * (given by tuneHyperparametersEach's Groovy class, not by the user) runs the lanes that take its
 * training jobs. The step ends when both have: the lanes end once the tuner has ended and closed the
 * queue; if the lanes end first (an abort interrupted them), the tuner is asked to stop and the step
 * waits for it, so every training job is recorded before the step fails.
 */
final class EachStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final transient AbstractTuningStep step;
    private transient volatile TuningRun run;
    private transient volatile BodyExecution lanesBody;

    EachStepExecution(StepContext context, AbstractTuningStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        StepContext context = getContext();
        Authentication authentication = Jenkins.getAuthentication2();
        CompletableFuture<BodyQueue> queue = new CompletableFuture<>();
        CompletableFuture<Object> tuned = new CompletableFuture<>();
        TuningRun current = new TuningRun(context, step, TuningStepExecution.Form.BODY, queue);
        run = current;
        TrainingLanes lanes = TrainingLanes.open(queue, current::requestStop);
        TuningStepExecution.THREADS.submit(() -> {
            try (ACLContext ignored = ACL.as2(authentication)) {
                tuned.complete(current.call());
            } catch (Throwable failure) {
                tuned.completeExceptionally(failure);
            } finally {
                // the tuner has ended: waiting lanes, and lanes that ask later, hear there are no more jobs
                if (!queue.completeExceptionally(new AbortException("tuneHyperparametersEach: the tuning job ended before it had lanes"))) {
                    queue.join().close();
                }
            }
        });
        lanesBody = context.newBodyInvoker()
                .withContexts(lanes)
                .withCallback(new LanesEnded(current, tuned, queue, lanes))
                .start();
        return false;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        TuningRun current = run;
        if (current != null) {
            current.requestStop(cause);
        }
        BodyExecution body = lanesBody;
        if (body != null) {
            body.cancel(cause);
        } else {
            super.stop(cause);
        }
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("tuneHyperparametersEach cannot continue after a controller restart: its training jobs "
                + "were lost with the controller's threads; run the build again"));
    }

    @Override
    public String getStatus() {
        TuningRun current = run;
        return current == null ? "not started" : current.status();
    }

    /** Ends the step once the lanes and the tuner have both ended. Runs on the CPS VM thread; does not block. */
    private static final class LanesEnded extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final transient TuningRun run;
        private final transient CompletableFuture<Object> tuned;
        private final transient CompletableFuture<BodyQueue> queue;
        private final TrainingLanes lanes;

        LanesEnded(TuningRun run, CompletableFuture<Object> tuned, CompletableFuture<BodyQueue> queue, TrainingLanes lanes) {
            this.run = run;
            this.tuned = tuned;
            this.queue = queue;
            this.lanes = lanes;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            if (tuned != null && !tuned.isDone()) {
                // lanes end only when the tuner has; a body that ends first did not run the lanes at all
                run.requestStop(new AbortException("tuneHyperparametersEach: the body ended before the tuning job; call "
                        + "tuneHyperparametersEach(...) { ... } itself, not steps.tuneHyperparametersEach"));
            }
            finish(context, null);
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            if (tuned != null && !tuned.isDone()) {
                run.requestStop(failure);
            }
            finish(context, failure);
        }

        private void finish(StepContext context, Throwable lanesFailure) {
            lanes.close();
            BodyQueue current = queue == null || !queue.isDone() || queue.isCompletedExceptionally() ? null : queue.join();
            if (current != null) {
                // an abort between a lane's hpoNextTrainingJob and its hpoTrainingJob leaves a job nobody will start
                current.lanesEnded("its lane ended before the body started");
            }
            if (tuned == null) {
                context.onFailure(new AbortException("tuneHyperparametersEach cannot continue after a controller restart; run the build again"));
                return;
            }
            tuned.whenComplete((value, failure) -> {
                // the tuner's own failure says most (a bad config fails the lanes too, with the same error)
                if (failure != null) {
                    context.onFailure(failure);
                } else if (lanesFailure != null) {
                    context.onFailure(lanesFailure);
                } else {
                    context.onSuccess(value);
                }
            });
        }
    }
}
