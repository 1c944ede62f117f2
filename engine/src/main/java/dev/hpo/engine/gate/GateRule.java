package dev.hpo.engine.gate;

/** What a tuning job's best objective must satisfy to be promoted. */
public sealed interface GateRule {

    /** For Maximize objectives: the best value must be at least {@code threshold}. */
    record AtLeast(double threshold) implements GateRule {
    }

    /** For Minimize objectives: the best value must be at most {@code threshold}. */
    record AtMost(double threshold) implements GateRule {
    }

    /** Where the model in use would be, nothing is yet: any completed job with a best training job may be the first. */
    record NothingPromoted(String location) implements GateRule {
    }

    /** The best value must beat the model now in use, strictly, in the objective's direction. */
    record BetterThan(Baseline baseline) implements GateRule {
    }
}
