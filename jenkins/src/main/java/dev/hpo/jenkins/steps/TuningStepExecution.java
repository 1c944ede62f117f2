package dev.hpo.jenkins.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs the tuning job on a thread of its own, not the Pipeline's. Not a SynchronousNonBlockingStepExecution
 * on purpose: its stop() interrupts the thread, and an interrupted tuner could not record its
 * training jobs as Stopped. Here stop() asks the tuner to stop; the tuner ends every training job
 * (process tree or body), records them, and the step then fails with the abort's cause. If the tuner
 * has not ended after a grace period, the processes are killed and the step fails anyway.
 */
public final class TuningStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final long STOP_GRACE_SECONDS = 60;
    static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hpo tuning job");
        thread.setDaemon(true);
        return thread;
    });

    /** Which way training jobs run. */
    enum Form { PROCESSES, BODY }

    private final transient AbstractTuningStep step;
    private final Form form;
    private transient volatile TuningRun run;
    private transient AtomicBoolean finished;

    TuningStepExecution(StepContext context, AbstractTuningStep step, Form form) {
        super(context);
        this.step = step;
        this.form = form;
    }

    @Override
    public boolean start() {
        StepContext context = getContext();
        Authentication authentication = Jenkins.getAuthentication2();
        finished = new AtomicBoolean();
        TuningRun current = new TuningRun(context, step, form, null);
        run = current;
        THREADS.submit(() -> {
            try (ACLContext ignored = ACL.as2(authentication)) {
                Object result = current.call();
                if (finished.compareAndSet(false, true)) {
                    context.onSuccess(result);
                }
            } catch (Throwable failure) {
                if (finished.compareAndSet(false, true)) {
                    context.onFailure(failure);
                }
            }
        });
        return false;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        TuningRun current = run;
        if (current == null || !current.requestStop(cause)) {
            // no tuner yet (the config is being checked): fail now; the thread finds the stop and ends quietly
            if (finished == null || finished.compareAndSet(false, true)) {
                super.stop(cause);
            }
            return;
        }
        Timer.get().schedule(() -> {
            if (finished.compareAndSet(false, true)) {
                current.killTrainingJobs();
                getContext().onFailure(cause);
            }
        }, STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("tuneHyperparameters cannot continue after a controller restart: its training jobs "
                + "were lost with the controller's threads; run the build again"));
    }

    @Override
    public String getStatus() {
        TuningRun current = run;
        return current == null ? "not started" : current.status();
    }
}
