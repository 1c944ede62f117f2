package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigProblem;

import java.util.List;
import java.util.Map;

/**
 * What a built-in algorithm finds wrong with the data and hyperparameters of a tuning job, checked once
 * before any training job starts. Without it a header row in the training file or a misspelt metric
 * fails every one of the training jobs, one after the other, each with the same reason.
 */
@FunctionalInterface
public interface InputCheck {
    InputCheck NONE = (channels, hyperParameters, hyperParametersPath) -> List.of();

    /**
     * @param channels the tuning job's data channels, each with the field path its problems are reported at
     * @param hyperParameters the static hyperparameters, plus one representative value of every tuned one
     * @param hyperParametersPath the field path hyperparameter problems are reported at
     */
    List<ConfigProblem> check(Map<Channel, String> channels, Map<String, String> hyperParameters, String hyperParametersPath);
}
