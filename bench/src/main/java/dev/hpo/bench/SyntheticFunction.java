package dev.hpo.bench;

import java.util.Map;

/** A test function with a known global minimum, over a SageMaker-shaped ParameterRanges object. */
interface SyntheticFunction {
    String name();

    /** The global minimum's value. */
    double optimum();

    /** The HyperParameterTuningJobConfig.ParameterRanges JSON object. */
    String parameterRanges();

    double evaluate(Map<String, String> hyperParameters);
}
