package dev.hpo.jenkins.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tuneHyperparameters(algorithm: xgboost(...), objective: ..., ranges: [...], ...)}: runs a tuning
 * job whose training jobs are child processes on the agent of the enclosing {@code node}.
 */
public final class TuneHyperparametersStep extends AbstractTuningStep {
    private AlgorithmSpec algorithm;
    private String command;
    private String hpoHome;

    @DataBoundConstructor
    public TuneHyperparametersStep() {
    }

    public AlgorithmSpec getAlgorithm() {
        return algorithm;
    }

    @DataBoundSetter
    public void setAlgorithm(AlgorithmSpec algorithm) {
        this.algorithm = algorithm;
    }

    public String getCommand() {
        return command;
    }

    /** {@code command: 'python3 train.py'}: short for {@code algorithm: command('python3 train.py')}. */
    @DataBoundSetter
    public void setCommand(String command) {
        this.command = emptyToNull(command);
    }

    public String getHpoHome() {
        return hpoHome;
    }

    /** The hpo installation on the agent for the built-in XGBoost (default: the agent's HPO_HOME). */
    @DataBoundSetter
    public void setHpoHome(String hpoHome) {
        this.hpoHome = emptyToNull(hpoHome);
    }

    @Override
    public java.util.Map<String, Object> tuningArguments() {
        java.util.Map<String, Object> args = super.tuningArguments();
        if (algorithm != null) {
            args.put("algorithm", algorithm.toArgument());
        }
        if (command != null) {
            args.put("command", command);
        }
        return args;
    }

    boolean usesBuiltIn() {
        return algorithm != null && algorithm.isBuiltIn();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TuningStepExecution(context, this, TuningStepExecution.Form.PROCESSES);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "tuneHyperparameters";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Tune hyperparameters (training jobs as processes on this agent)";
        }

        /** Needs a node: the training jobs run there, never on the controller unless the build is on it. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }
    }
}
