package dev.hpo.engine.strategy.hyperband;

import dev.hpo.engine.config.ObjectiveType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous successive-halving decision (ASHA): when a running job's objective series reaches
 * a rung's resource, its value there joins that rung's record, and the job goes on only if it ranks
 * in the top 1/factor of every value recorded at that rung so far (the first jobs at a rung, too few
 * for a top third, go on while they are the best). Nobody waits for a rung to fill up, so a free slot
 * is never idle; a job is judged only against jobs that reached the same resource.
 * Thread-safe: training jobs report from their own threads.
 */
public final class SuccessiveHalving {

    /** What happens to the job that just reported. */
    public enum Decision { CONTINUE, STOP_AT_RUNG, STOP_AT_MAX_RESOURCE }

    private final Rungs rungs;
    private final ObjectiveType direction;
    private final List<Integer> resources;
    private final List<Map<String, Double>> recorded = new ArrayList<>();

    public SuccessiveHalving(Rungs rungs, ObjectiveType direction) {
        this.rungs = rungs;
        this.direction = direction;
        this.resources = rungs.resources();
        for (int i = 0; i < resources.size(); i++) {
            recorded.add(new HashMap<>());
        }
    }

    public Rungs rungs() {
        return rungs;
    }

    /**
     * @param job the training job's name
     * @param step how many objective values the job has emitted (1-based: the resource it has used)
     * @param value the latest of them
     */
    public synchronized Decision report(String job, int step, double value) {
        if (step >= rungs.maxResource()) {
            return Decision.STOP_AT_MAX_RESOURCE;
        }
        int rung = resources.indexOf(step);
        if (rung < 0 || !Double.isFinite(value)) {
            return Decision.CONTINUE;
        }
        Map<String, Double> values = recorded.get(rung);
        values.put(job, value);
        int better = 0;
        for (Map.Entry<String, Double> other : values.entrySet()) {
            if (!other.getKey().equals(job) && direction.better(other.getValue(), value)) {
                better++;
            }
        }
        int promoted = Math.max(1, values.size() / rungs.reductionFactor());
        return better < promoted ? Decision.CONTINUE : Decision.STOP_AT_RUNG;
    }

    /** The resource of the rung a job was stopped at, for the record ("stopped at rung 2, 9 rounds"). */
    public int resourceOfRung(int rung) {
        return resources.get(rung);
    }

    public synchronized int recordedAt(int rung) {
        return recorded.get(rung).size();
    }
}
