package dev.hpo.engine.gate;

/** Whether to promote, and why, in a sentence a CI log can show as it is. */
public record GateDecision(boolean promote, String reason) {
}
