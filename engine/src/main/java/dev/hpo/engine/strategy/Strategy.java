package dev.hpo.engine.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the hyperparameters of the next training job from everything tried so far. The tuner calls
 * it whenever a slot frees up, with finished and still-running trials alike, so a strategy can avoid
 * proposing what is already running. Implementations hold no reference to processes or files.
 */
public interface Strategy {

    /**
     * @param index the sequence number the new training job will get (0-based)
     * @return the tuned hyperparameters, or empty when the strategy has nothing left to propose
     */
    Optional<Map<String, String>> suggest(int index, List<Trial> history);
}
