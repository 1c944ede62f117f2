package dev.hpo.cli;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.xgboost.TrainingJvm;
import dev.hpo.xgboost.XgboostInputCheck;

import java.util.List;
import java.util.Map;

/**
 * The algorithms that ship with the command line. The built-in XGBoost runs as its own JVM, started
 * as {@link TrainingJvm} says (a lean class path and flags for a short-lived process).
 */
final class BuiltInAlgorithms {
    private BuiltInAlgorithms() {
    }

    static Map<String, BuiltInAlgorithm> all() {
        List<String> command = TrainingJvm.command();
        return Map.of("xgboost", new BuiltInAlgorithm("xgboost", command, "nthread", List.of("train"))
                .withInputCheck(new XgboostInputCheck()));
    }
}
