package dev.hpo.xgboost;

/**
 * Bad input from whoever launched a program: a missing channel or hyperparameter, a value that does
 * not parse, a file that does not exist. Kept apart from XGBoost's own errors because the two get
 * different exit codes (2 versus 1), so a tuner can tell a broken configuration from a broken run.
 * The message is one line and names the culprit (hyperparameter, environment variable or file).
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
