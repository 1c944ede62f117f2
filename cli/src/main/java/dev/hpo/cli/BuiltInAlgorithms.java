package dev.hpo.cli;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.xgboost.XgboostInputCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The algorithms that ship with the command line. The built-in XGBoost runs as its own JVM with this
 * JVM's classpath; start-up flags favour a short-lived process over peak throughput.
 */
final class BuiltInAlgorithms {
    private BuiltInAlgorithms() {
    }

    static Map<String, BuiltInAlgorithm> all() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.hpo.xgboost.TrainingMain");
        return Map.of("xgboost", new BuiltInAlgorithm("xgboost", command, "nthread", List.of("train"))
                .withInputCheck(new XgboostInputCheck()));
    }
}
