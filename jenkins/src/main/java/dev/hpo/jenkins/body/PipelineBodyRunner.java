package dev.hpo.jenkins.body;

import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.pipeline.BodyRunner;
import dev.hpo.engine.pipeline.SecretMask;
import hudson.console.ConsoleNote;
import hudson.model.Result;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The block form's training job: one invocation of the step's body, with the hyperparameters added to
 * its environment, its console output captured line by line (Jenkins' hidden console notes removed)
 * for the engine's metric extraction, and its end reported to the engine's body launcher.
 *
 * <p>One body at a time: a body started after the step's start() (as every training job's is) runs on the
 * step's own flow head, which two bodies cannot share soundly (workflow-cps CpsBodyInvoker.start and
 * CpsBodyExecution.launch/cancel; see docs/jenkins-api-check.md). The engine's config check keeps the
 * tuner at one training job at a time; the guard here makes a breach an error, not a corrupt flow graph.
 * Starting from the tuner's thread is sound: CpsBodyInvoker.start hands the launch to the CPS VM thread,
 * as waitUntil does from a timer thread. The callbacks run on the CPS VM thread and only record the end.
 */
public final class PipelineBodyRunner implements BodyRunner {
    private final StepContext context;
    private final SecretMask secrets;
    private final AtomicBoolean bodyRunning = new AtomicBoolean();

    public PipelineBodyRunner(StepContext context, SecretMask secrets) {
        this.context = context;
        this.secrets = secrets;
    }

    @Override
    public RunningBody start(String trainingJobName, Map<String, String> environment, OutputListener output, Ending ending) throws Exception {
        if (!bodyRunning.compareAndSet(false, true)) {
            throw new IllegalStateException("tuneHyperparametersEach runs one body at a time; " + trainingJobName + " was started while another body ran");
        }
        String capture = null;
        BodyExecution body;
        try {
            capture = ConsoleCapture.open(line -> output.onLine(secrets.apply(ConsoleNote.removeNotes(line)), false));
            body = context.newBodyInvoker()
                    .withDisplayName("training job " + trainingJobName)
                    .withContexts(
                            EnvironmentExpander.merge(context.get(EnvironmentExpander.class), EnvironmentExpander.constant(environment)),
                            TaskListenerDecorator.merge(context.get(TaskListenerDecorator.class), new ConsoleCapture(capture)))
                    .withCallback(new Ended(capture, ending, () -> bodyRunning.set(false)))
                    .start();
        } catch (Exception | Error e) {
            if (capture != null) {
                ConsoleCapture.close(capture);
            }
            bodyRunning.set(false);
            throw e;
        }
        return reason -> body.cancel(new FlowInterruptedException(Result.ABORTED, true));
    }

    /** Reports the body's end. Not kept across a controller restart (the step does not survive one). */
    private static final class Ended extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final String capture;
        private final transient Ending ending;
        private final transient Runnable free;

        Ended(String capture, Ending ending, Runnable free) {
            this.capture = capture;
            this.ending = ending;
            this.free = free;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            ConsoleCapture.close(capture);
            if (free != null) {
                // before the engine hears of the end, so the next body may start as soon as it asks
                free.run();
            }
            if (ending != null) {
                ending.succeeded();
            }
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            ConsoleCapture.close(capture);
            if (free != null) {
                free.run();
            }
            if (ending != null) {
                ending.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        }
    }
}
