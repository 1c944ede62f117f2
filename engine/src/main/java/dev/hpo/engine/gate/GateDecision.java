package dev.hpo.engine.gate;

import java.util.List;

/**
 * What a set of quality gates decided about a build: the worst outcome of any gate and every reason,
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
