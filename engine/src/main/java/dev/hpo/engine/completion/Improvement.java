package dev.hpo.engine.completion;

import dev.hpo.engine.config.ObjectiveType;

/** SageMaker's notion of improving the best objective: better by at least 1% of its magnitude. */
final class Improvement {
    static final double RELATIVE = 0.01;

    private Improvement() {
    }

    static boolean significant(double candidate, double best, ObjectiveType direction) {
        if (!direction.better(candidate, best)) {
            return false;
        }
        return best == 0 || Math.abs(candidate - best) >= RELATIVE * Math.abs(best);
    }
}
