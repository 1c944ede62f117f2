package dev.hpo.engine.gate;

import dev.hpo.engine.config.ObjectiveType;

/**
 * What a tuning job's best objective must satisfy. "Better" always follows the objective's direction:
 * higher for Maximize, lower for Minimize. The gain over a baseline is the best objective minus the
 * baseline's for Maximize, the baseline's minus the best for Minimize.
 */
public sealed interface GateRule {

    /**
     * The best objective must reach {@code value}: at least it for Maximize, at most it for Minimize.
     *
     * @param writtenFor the direction the rule was written for ({@code --objective-at-least} is for Maximize,
     *                   {@code --objective-at-most} for Minimize), or null to follow the objective. A rule
     *                   written for the other direction is refused, since it would pass the worse models.
     */
    record Threshold(double value, ObjectiveType writtenFor) implements GateRule {
        public static Threshold atLeast(double value) {
            return new Threshold(value, ObjectiveType.Maximize);
        }

        public static Threshold atMost(double value) {
            return new Threshold(value, ObjectiveType.Minimize);
        }
    }

    /** Strictly better than the baseline (gain above 0): a replacement must improve on the model in use. */
    record BetterThan(Baseline baseline) implements GateRule {
    }

    /**
     * No worse than the baseline by more than {@code tolerance} (gain at least -tolerance): a build must not
     * regress. With tolerance 0, equal passes, so a rerun that finds the same best is not a failure.
     */
    record NoWorseThan(Baseline baseline, double tolerance) implements GateRule {
    }

    /** There is nothing to compare with yet (nothing promoted, no earlier build): any completed job with a best passes. */
    record NothingToCompare(String why) implements GateRule {
    }
}
