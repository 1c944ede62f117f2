package dev.hpo.engine.validation;

/** One thing wrong with a config: where (a field path) and what. */
public record ConfigProblem(String fieldPath, String message) {
    @Override
    public String toString() {
        return fieldPath + ": " + message;
    }
}
