package dev.hpo.jenkins.body;

import dev.hpo.engine.launch.OutputListener;
import dev.hpo.engine.pipeline.BodyRunner;
import dev.hpo.engine.pipeline.SecretMask;
import hudson.console.ConsoleNote;
import hudson.model.Result;
import java.util.Map;
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
 */
public final class PipelineBodyRunner implements BodyRunner {
    private final StepContext context;
    private final SecretMask secrets;

    public PipelineBodyRunner(StepContext context, SecretMask secrets) {
        this.context = context;
        this.secrets = secrets;
    }

    @Override
    public RunningBody start(String trainingJobName, Map<String, String> environment, OutputListener output, Ending ending) throws Exception {
        String capture = ConsoleCapture.open(line -> output.onLine(secrets.apply(ConsoleNote.removeNotes(line)), false));
        BodyExecution body = context.newBodyInvoker()
                .withDisplayName("training job " + trainingJobName)
                .withContexts(
                        EnvironmentExpander.merge(context.get(EnvironmentExpander.class), EnvironmentExpander.constant(environment)),
                        TaskListenerDecorator.merge(context.get(TaskListenerDecorator.class), new ConsoleCapture(capture)))
                .withCallback(new Ended(capture, ending))
                .start();
        return reason -> body.cancel(new FlowInterruptedException(Result.ABORTED, true));
    }

    /** Reports the body's end. Not kept across a controller restart (the step does not survive one). */
    private static final class Ended extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final String capture;
        private final transient Ending ending;

        Ended(String capture, Ending ending) {
            this.capture = capture;
            this.ending = ending;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            ConsoleCapture.close(capture);
            if (ending != null) {
                ending.succeeded();
            }
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            ConsoleCapture.close(capture);
            if (ending != null) {
                ending.failed(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        }
    }
}
