package dev.hpo.jenkins.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code command('python3 train.py')}: any training program, started on the agent with the
 * hyperparameters as {@code --name value} arguments (SageMaker's script mode). The command is split
 * at white space; it is not run by a shell, so nothing in it is expanded.
 */
public final class CommandAlgorithm extends AlgorithmSpec {
    private final String command;

    @DataBoundConstructor
    public CommandAlgorithm(String command) {
        this.command = command;
    }

    public String getCommand() {
        return command;
    }

    @Override
    Map<String, Object> toArgument() {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("kind", "command");
        algorithm.put("command", command);
        return algorithm;
    }

    @Override
    boolean isBuiltIn() {
        return false;
    }

    @Extension
    @Symbol("command")
    public static final class DescriptorImpl extends Descriptor<AlgorithmSpec> {
        @Override
        public String getDisplayName() {
            return "Training command";
        }
    }
}
