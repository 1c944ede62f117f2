package dev.hpo.engine.completion;

import dev.hpo.engine.model.CompletionDetails;

/** A completion criterion's verdict: the reason in words and the details describe shows. */
public record Completion(String reason, CompletionDetails details) {
}
