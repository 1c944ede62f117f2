package dev.hpo.engine.pipeline;

import dev.hpo.engine.launch.OutputListener;

import java.util.Map;

/**
 * One training job's body between the tuner and the lane that runs it (the block form). The tuner asks
 * for it; a lane takes it, starts the body, says how to cancel it and reports its end. The tuner may
 * stop the job at any point of that: before a lane took it (it then ends at once), between taking and
 * starting (the body is cancelled as soon as it starts), or while it runs.
 */
public final class BodyRequest {
    /** How a lane cancels the body it started. */
    @FunctionalInterface
    public interface Cancel {
        void cancel(String reason);
    }

    private enum State { QUEUED, TAKEN, STARTED, HELD, ENDED }

    private final String trainingJobName;
    private final Map<String, String> environment;
    private final OutputListener output;
    private final BodyRunner.Ending ending;
    private final Runnable forget;
    private State state = State.QUEUED;
    private String stopReason;
    private String heldReason;
    private Cancel cancel;

    BodyRequest(String trainingJobName, Map<String, String> environment, OutputListener output, BodyRunner.Ending ending, Runnable forget) {
        this.trainingJobName = trainingJobName;
        this.environment = Map.copyOf(environment);
        this.output = output;
        this.ending = ending;
        this.forget = forget;
    }

    public String trainingJobName() {
        return trainingJobName;
    }

    /** What the body sees: the hyperparameters (SM_HPS, SM_HP_NAME, HPO_ARGS) and the job's name. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where the body's console lines go, for the metric extraction and the job's log. */
    public OutputListener output() {
        return output;
    }

    /** A lane took it; false when the tuner stopped the job while it waited (it has ended already). */
    synchronized boolean take() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.TAKEN;
        return true;
    }

    /** The lane started the body; if the tuner stopped the job meanwhile, the body is cancelled now. */
    public void started(Cancel how) {
        String reason;
        synchronized (this) {
            if (state != State.TAKEN) {
                return;
            }
            state = State.STARTED;
            cancel = how;
            reason = stopReason;
        }
        if (reason != null) {
            how.cancel(reason);
        }
    }

    public void succeeded() {
        if (end()) {
            ending.succeeded();
        }
    }

    public void failed(String reason) {
        if (end()) {
            ending.failed(reason);
        }
    }

    /**
     * The body ended because the whole Pipeline is being interrupted (an abort), not because the job
     * failed. The tuner has been asked to stop; the end is kept until it stops this job, so the job is
     * recorded as Stopped, not Failed. If the tuner already stopped it, the end is reported now.
     */
    public void interrupted(String reason) {
        synchronized (this) {
            if (state == State.ENDED || state == State.HELD) {
                return;
            }
            if (stopReason == null) {
                state = State.HELD;
                heldReason = reason;
                return;
            }
        }
        failed(reason);
    }

    /** The tuner stops the job. */
    void stop(String reason) {
        Cancel how = null;
        boolean endNow = false;
        String held = null;
        synchronized (this) {
            if (stopReason != null || state == State.ENDED) {
                return;
            }
            stopReason = reason;
            switch (state) {
                case QUEUED -> endNow = true;
                case STARTED -> how = cancel;
                case HELD -> held = heldReason;
                default -> { } // TAKEN: started() cancels the body as soon as there is one
            }
        }
        if (endNow) {
            failed("stopped before a lane started its body: " + reason);
        } else if (held != null) {
            failed(held);
        } else if (how != null) {
            how.cancel(reason);
        }
    }

    private boolean end() {
        synchronized (this) {
            if (state == State.ENDED) {
                return false;
            }
            state = State.ENDED;
        }
        forget.run();
        return true;
    }
}
