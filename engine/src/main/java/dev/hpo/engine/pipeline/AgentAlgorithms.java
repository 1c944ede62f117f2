package dev.hpo.engine.pipeline;

import dev.hpo.engine.config.BuiltInAlgorithm;

import java.util.List;
import java.util.Map;

/**
 * The built-in algorithms as an agent runs them. The agent needs an hpo installation (a built checkout
 * or an unpacked distribution: {@code cli/target/hpo-cli.jar} and {@code cli/target/lib/}), found in
 * HPO_HOME; the plugin does not carry XGBoost's native libraries to every agent. The built-in's input
 * check (which reads the data with XGBoost) is not run by the step: the data is on the agent, the parser
 * on the controller; bad data then fails the first training jobs, each with XGBoost's reason.
 */
public final class AgentAlgorithms {
    public static final String HPO_HOME = "HPO_HOME";

    private AgentAlgorithms() {
    }

    /**
     * @param hpoHome the installation on the agent (null: the built-in cannot run there, and says so when used)
     * @param java    the agent's java command: JAVA_HOME/bin/java when set, else java from the PATH
     */
    public static Map<String, BuiltInAlgorithm> onAgent(String hpoHome, String java) {
        String home = hpoHome == null || hpoHome.isBlank() ? "${" + HPO_HOME + "}" : stripSlash(hpoHome);
        String classpath = home + "/cli/target/hpo-cli.jar:" + home + "/cli/target/lib/*";
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "dev.hpo.xgboost.TrainingMain");
        return Map.of("xgboost", new BuiltInAlgorithm("xgboost", command, "nthread", List.of("train")));
    }

    /** The java command from an agent's environment. */
    public static String java(Map<String, String> environment) {
        String javaHome = environment.get("JAVA_HOME");
        return javaHome == null || javaHome.isBlank() ? "java" : stripSlash(javaHome) + "/bin/java";
    }

    /** What is missing on the agent for the built-in, or null when nothing is. */
    public static String missingInstallation(String hpoHome) {
        return hpoHome == null || hpoHome.isBlank()
                ? "the built-in xgboost needs an hpo installation on the agent: set HPO_HOME (e.g. withEnv(['HPO_HOME=...'])) "
                  + "or the step's hpoHome to a directory with cli/target/hpo-cli.jar and cli/target/lib/"
                : null;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
