package dev.hpo.jenkins.lanes;

import dev.hpo.engine.pipeline.BodyQueue;
import hudson.AbortException;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What the block form's lanes know of their tuning job: a context object that tuneHyperparametersEach
 * puts into its body, so the internal lane steps inside it find the tuning job's body queue. The
 * Pipeline program keeps only the id; the queue itself lives as long as the tuner's thread, which
 * does not survive a controller restart.
 */
public final class TrainingLanes implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Live> LIVE = new ConcurrentHashMap<>();

    private record Live(CompletableFuture<BodyQueue> queue, Consumer<Throwable> stopTuningJob) {
    }

    private final String id;

    private TrainingLanes(String id) {
        this.id = id;
    }

    /**
     * @param queue completed once the config is parsed (or failed with why it is not valid)
     * @param stopTuningJob asks the tuner to stop, as an abort does
     */
    public static TrainingLanes open(CompletableFuture<BodyQueue> queue, Consumer<Throwable> stopTuningJob) {
        TrainingLanes lanes = new TrainingLanes(UUID.randomUUID().toString());
        LIVE.put(lanes.id, new Live(queue, stopTuningJob));
        return lanes;
    }

    public void close() {
        LIVE.remove(id);
    }

    /** The lanes of the enclosing tuneHyperparametersEach, for a lane step; an error outside one. */
    static TrainingLanes of(StepContext context, String stepName) throws Exception {
        TrainingLanes lanes = context.get(TrainingLanes.class);
        if (lanes == null) {
            throw new AbortException(stepName + " is internal to tuneHyperparametersEach { } and cannot be used on its own");
        }
        return lanes;
    }

    CompletableFuture<BodyQueue> queue() throws AbortException {
        return live().queue();
    }

    /** A lane was interrupted (an abort): the tuner stops every training job, so each is recorded Stopped. */
    void interrupted(Throwable cause) throws AbortException {
        live().stopTuningJob().accept(cause);
    }

    private Live live() throws AbortException {
        Live live = LIVE.get(id);
        if (live == null) {
            throw new AbortException("tuneHyperparametersEach cannot continue after a controller restart: its tuner was lost with "
                    + "the controller's threads; run the build again");
        }
        return live;
    }
}
