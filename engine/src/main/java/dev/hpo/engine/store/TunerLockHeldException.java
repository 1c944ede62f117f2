package dev.hpo.engine.store;

import java.io.IOException;

/**
 * Another live tuner holds the tuning job's lock. A refusal before any work, not a failure of the
 * tuning job, so the command line answers it like a usage error (exit 2).
 */
public final class TunerLockHeldException extends IOException {
    public TunerLockHeldException(String message) {
        super(message);
    }
}
