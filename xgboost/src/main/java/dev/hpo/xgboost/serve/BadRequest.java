package dev.hpo.xgboost.serve;

/** A request the server refuses, with the HTTP status and a reason the client can act on. */
final class BadRequest extends Exception {
    private final int status;

    BadRequest(int status, String reason) {
        super(reason);
        this.status = status;
    }

    BadRequest(String reason) {
        this(400, reason);
    }

    int status() {
        return status;
    }
}
