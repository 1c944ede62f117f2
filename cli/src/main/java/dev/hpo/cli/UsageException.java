package dev.hpo.cli;

/** The command line itself is wrong (a missing argument, an unknown option): exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
