package dev.hpo.engine.pipeline;

import dev.hpo.engine.launch.OutputListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The block form's hand-over between the tuner and its lanes. The tuner runs on a thread of its own and
 * asks for bodies as training jobs come up; the CI server runs a fixed number of lanes side by side
 * (in Jenkins, branches of the Pipeline's own {@code parallel}), each taking one training job at a
 * time, running its body and reporting the end. Nothing here blocks: a lane that asks while no job
 * waits is called back when one comes, or when the tuning job has ended and none will.
 */
public final class BodyQueue implements BodyRunner {
    /** A lane waiting for its next training job. Called once, on the thread that has the news; must be quick. */
    public interface Lane {
        void take(BodyRequest request);

        /** The tuning job has ended: no more training jobs. */
        void noMore();
    }

    /** A lane's wait, which it may give up (its Pipeline branch was interrupted). */
    @FunctionalInterface
    public interface Wait {
        /** @return true if the lane will not be called back, false if it already has been (or is being) */
        boolean withdraw();
    }

    private final int lanes;
    private final Deque<BodyRequest> requests = new ArrayDeque<>();
    private final Deque<Lane> waiting = new ArrayDeque<>();
    private final Map<String, BodyRequest> taken = new ConcurrentHashMap<>();
    private boolean closed;

    public BodyQueue(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("a body queue needs at least one lane, not " + lanes);
        }
        this.lanes = lanes;
    }

    /** How many lanes to run: the tuning job's MaxParallelTrainingJobs, so the tuner never waits for a lane. */
    public int lanes() {
        return lanes;
    }

    @Override
    public RunningBody start(String trainingJobName, Map<String, String> environment, OutputListener output, Ending ending) {
        BodyRequest[] self = new BodyRequest[1];
        BodyRequest request = new BodyRequest(trainingJobName, environment, output, ending, () -> forget(self[0]));
        self[0] = request;
        Lane lane;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the tuning job's lanes have ended; " + trainingJobName + " cannot run");
            }
            lane = waiting.poll();
            if (lane == null) {
                requests.add(request);
            }
        }
        if (lane != null) {
            handOver(request, lane);
        }
        return request::stop;
    }

    /**
     * A lane asks for its next training job. It is called back with one at once if one waits, else when
     * the tuner asks for one, or told there are no more once the queue is closed.
     */
    public Wait next(Lane lane) {
        while (true) {
            BodyRequest request;
            synchronized (this) {
                request = requests.poll();
                if (request == null) {
                    if (closed) {
                        break;
                    }
                    waiting.add(lane);
                    return () -> withdraw(lane);
                }
            }
            if (handOver(request, lane)) {
                return () -> false;
            }
            // the tuner stopped that one while it waited; look again
        }
        lane.noMore();
        return () -> false;
    }

    /** The tuning job has ended: every waiting lane, and every lane that asks later, hears there are no more. */
    public void close() {
        List<Lane> told;
        synchronized (this) {
            closed = true;
            told = new ArrayList<>(waiting);
            waiting.clear();
        }
        told.forEach(Lane::noMore);
    }

    /**
     * The lanes have ended (their Pipeline branches were interrupted) while the tuner may still run: a job a
     * lane took but never started will not start now. Each such job is held as an interrupted body is, so
     * the tuner's stop ends it as Stopped instead of waiting for a body that will never come.
     */
    public void lanesEnded(String reason) {
        List<BodyRequest> left = new ArrayList<>(taken.values());
        left.forEach(request -> request.interrupted(reason));
    }

    /** The request a lane took under this training job's name and has not yet ended, or null. */
    public BodyRequest taken(String trainingJobName) {
        return taken.get(trainingJobName);
    }

    private boolean handOver(BodyRequest request, Lane lane) {
        if (!request.take()) {
            return false;
        }
        taken.put(request.trainingJobName(), request);
        lane.take(request);
        return true;
    }

    private synchronized boolean withdraw(Lane lane) {
        return waiting.remove(lane);
    }

    private void forget(BodyRequest request) {
        synchronized (this) {
            requests.remove(request);
        }
        taken.remove(request.trainingJobName(), request);
    }
}
