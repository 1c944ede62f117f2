package dev.hpo.engine.pipeline;

import dev.hpo.engine.launch.OutputListener;

import java.util.Map;

/**
 * Runs the step's body once for one training job (the block form). The CI server implements it: in
 * Jenkins the body is a closure that may hold {@code node(label)} and {@code sh}, so training jobs
 * spread over agents. The runner delivers the body's console output line by line and says once how
 * the body ended.
 */
public interface BodyRunner {

    /** How a body ended. Called once, from any thread. */
    interface Ending {
        void succeeded();

        /** @param reason why the body failed, for the training job's failure reason */
        void failed(String reason);
    }

    /** A running body. */
    interface RunningBody {
        /** Interrupts the body (its processes end as an aborted {@code sh} step's do). */
        void cancel(String reason);
    }

    /**
     * @param environment variables the body sees: the hyperparameters as SM_HPS and SM_HP_NAME, HPO_ARGS, the job's name
     */
    RunningBody start(String trainingJobName, Map<String, String> environment, OutputListener output, Ending ending) throws Exception;
}
