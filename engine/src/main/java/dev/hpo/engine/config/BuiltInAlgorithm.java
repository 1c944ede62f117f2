package dev.hpo.engine.config;

import java.util.List;

/**
 * An algorithm that ships with the product, named by AlgorithmSpecification.AlgorithmName. The engine
 * knows only its command; the module that provides it (xgboost) says how to start it and what it can
 * check of its inputs before the first job.
 *
 * @param threadsHyperParameter the hyperparameter that sets its thread count, which the tuner fills in
 *        with each job's share of the cores when the user leaves it unset (null: none)
 * @param requiredChannels channels it cannot train without
 */
public record BuiltInAlgorithm(String name, List<String> command, String threadsHyperParameter, List<String> requiredChannels,
                               InputCheck inputCheck) {
    public BuiltInAlgorithm {
        command = List.copyOf(command);
        requiredChannels = List.copyOf(requiredChannels);
    }

    public BuiltInAlgorithm(String name, List<String> command, String threadsHyperParameter, List<String> requiredChannels) {
        this(name, command, threadsHyperParameter, requiredChannels, InputCheck.NONE);
    }

    public BuiltInAlgorithm withInputCheck(InputCheck check) {
        return new BuiltInAlgorithm(name, command, threadsHyperParameter, requiredChannels, check);
    }
}
