package dev.hpo.engine.strategy;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a strategy sees of one training job: where it sampled, and how it went so far.
 *
 * @param objective the final objective when {@code outcome} is SUCCEEDED, empty otherwise
 */
public record Trial(int index, Map<String, String> hyperParameters, Outcome outcome, OptionalDouble objective) {

    public enum Outcome { PENDING, SUCCEEDED, FAILED }

    public static Trial pending(int index, Map<String, String> hyperParameters) {
        return new Trial(index, hyperParameters, Outcome.PENDING, OptionalDouble.empty());
    }
}
