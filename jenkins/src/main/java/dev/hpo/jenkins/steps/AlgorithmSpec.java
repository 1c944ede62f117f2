package dev.hpo.jenkins.steps;

import hudson.model.AbstractDescribableImpl;
import java.util.Map;

/** What a training job runs: {@code xgboost(...)} (the built-in) or {@code command(...)} (any program). */
public abstract class AlgorithmSpec extends AbstractDescribableImpl<AlgorithmSpec> {

    /** The algorithm as the engine's mapper reads it. */
    abstract Map<String, Object> toArgument();

    /** Whether it needs the hpo installation on the agent. */
    abstract boolean isBuiltIn();
}
