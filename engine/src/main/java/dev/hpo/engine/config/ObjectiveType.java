package dev.hpo.engine.config;

/** Whether a larger or a smaller objective value is better. */
public enum ObjectiveType {
    Maximize, Minimize;

    /** True when {@code candidate} is strictly better than {@code incumbent}. */
    public boolean better(double candidate, double incumbent) {
        return this == Maximize ? candidate > incumbent : candidate < incumbent;
    }
}
