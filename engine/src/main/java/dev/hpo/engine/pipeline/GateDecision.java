package dev.hpo.engine.pipeline;

import java.util.List;

/**
 * What the quality gates decided about a build: the worst outcome of any gate and every reason,
 * in words that make sense in a build log.
 */
public record GateDecision(Outcome outcome, List<String> reasons) {

    /** In Jenkins' order of severity. */
    public enum Outcome { PASSED, UNSTABLE, FAILURE }

    public GateDecision {
        reasons = List.copyOf(reasons);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
