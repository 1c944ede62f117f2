package dev.hpo.engine.gate;

/** What one rule says about a tuning job: whether it passes, and why, in a sentence a CI log can show as it is. */
public record Verdict(boolean passed, String reason) {
}
