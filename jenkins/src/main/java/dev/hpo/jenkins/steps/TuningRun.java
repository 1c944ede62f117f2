package dev.hpo.jenkins.steps;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.PathChecks;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.gate.Baseline;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.gate.QualityGate;
import dev.hpo.engine.gate.QualityGates;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.pipeline.AgentAlgorithms;
import dev.hpo.engine.pipeline.BodyLauncher;
import dev.hpo.engine.pipeline.BuildTuningJobName;
import dev.hpo.engine.pipeline.ConsoleProgress;
import dev.hpo.engine.pipeline.JobRelocation;
import dev.hpo.engine.pipeline.SecretMask;
import dev.hpo.engine.pipeline.StepConfig;
import dev.hpo.engine.pipeline.StepConfigMapper;
import dev.hpo.engine.pipeline.StepResult;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.jenkins.agent.AgentCores;
import dev.hpo.jenkins.agent.AgentLauncher;
import dev.hpo.jenkins.agent.AgentPathChecks;
import dev.hpo.jenkins.body.PipelineBodyRunner;
import dev.hpo.jenkins.model.TuningBuildAction;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One tuning job inside a build: gathers the step's context, has the engine parse the config (paths
 * checked on the agent), runs the engine's tuner with the agent's launcher or the body launcher,
 * then records the result on the build and applies the engine's gate decision. Every decision is
 * the engine's; this class only connects it to Jenkins.
 */
final class TuningRun {
    /** The tuner's own files stay with the build, on the controller; the training jobs' files are on the agent. */
    static final String BUILD_DIRECTORY = "hpo";

    private final StepContext context;
    private final AbstractTuningStep step;
    private final TuningStepExecution.Form form;
    private volatile Tuner tuner;
    private volatile AgentLauncher agentLauncher;
    private volatile TuningBuildAction runningAction;
    private volatile Throwable stopCause;
    private volatile String status = "checking the config";

    TuningRun(StepContext context, AbstractTuningStep step, TuningStepExecution.Form form) {
        this.context = context;
        this.step = step;
        this.form = form;
    }

    Object call() throws Exception {
        Run<?, ?> build = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        PrintStream console = listener.getLogger();
        boolean body = form == TuningStepExecution.Form.BODY;
        FilePath workspace = body ? null : context.get(FilePath.class);
        EnvVars contextEnvironment = context.get(EnvVars.class);
        EnvVars environment = contextEnvironment == null ? new EnvVars() : contextEnvironment;

        List<QualityGate> gates;
        TuningJobConfig config;
        Map<String, BuiltInAlgorithm> builtIns = Map.of();
        try {
            gates = QualityGate.fromArguments(step.gateArguments());
            Map<String, Object> arguments = step.tuningArguments();
            if (step.getWarmStart() != null) {
                arguments.put("warmStart", WarmStartBuilds.resolve(step.getWarmStart(), build));
            }
            if (!body) {
                String hpoHome = ((TuneHyperparametersStep) step).getHpoHome() != null
                        ? ((TuneHyperparametersStep) step).getHpoHome() : environment.get(AgentAlgorithms.HPO_HOME);
                if (((TuneHyperparametersStep) step).usesBuiltIn() && AgentAlgorithms.missingInstallation(hpoHome) != null) {
                    throw new AbortException("tuneHyperparameters: " + AgentAlgorithms.missingInstallation(hpoHome));
                }
                builtIns = AgentAlgorithms.onAgent(hpoHome, AgentAlgorithms.java(environment));
            }
            PathChecks paths = body ? PathChecks.LOCAL : new AgentPathChecks(workspace.getChannel(), environment.get("PATH"));
            if (step.getConfig() != null) {
                StepConfig.checkExclusive(step.getConfig(), arguments);
                FilePath file = inWorkspace(workspace, step.getConfig(), "config");
                config = StepConfig.fromFile(file.readToString(), Path.of(file.getParent().getRemote()), step.getConfig(), builtIns, paths);
            } else {
                String defaultName = BuildTuningJobName.of(build.getParent().getFullName(), build.getNumber());
                Path base = body ? build.getRootDir().toPath() : Path.of(workspace.getRemote());
                config = StepConfig.fromArguments(arguments, defaultName, body, base, builtIns, paths);
            }
            if (body) {
                StepConfig.checkOneBodyAtATime(config, step.getConfig());
            }
        } catch (ConfigException e) {
            throw new AbortException("tuneHyperparameters: " + e.getMessage());
        }

        Path storeDirectory = new File(build.getRootDir(), BUILD_DIRECTORY).toPath().resolve(config.name());
        if (Files.exists(storeDirectory)) {
            throw new AbortException("tuneHyperparameters: this build already ran a tuning job named " + config.name()
                    + "; give each tuneHyperparameters step its own name");
        }
        Files.createDirectories(storeDirectory);

        Launcher launcher;
        FilePath agentJobDirectory = null;
        int cores;
        if (body) {
            launcher = new BodyLauncher(new PipelineBodyRunner(context, secrets(context, environment)));
            cores = 1;
        } else {
            Path workspacePath = Path.of(workspace.getRemote());
            Path output = config.outputPath() == null ? workspacePath.resolve(StepConfigMapper.DEFAULT_OUTPUT_DIRECTORY) : config.outputPath();
            agentJobDirectory = inWorkspace(workspace, workspacePath.relativize(output).resolve(config.name()).toString(), "outputDirectory");
            agentJobDirectory.mkdirs();
            agentLauncher = new AgentLauncher(context.get(hudson.Launcher.class), workspace.getChannel(), environment,
                    new JobRelocation(storeDirectory, agentJobDirectory.getRemote()), secrets(context, environment));
            launcher = agentLauncher;
            cores = workspace.act(new AgentCores());
        }

        TuningBuildAction action = TuningBuildAction.started(build, config, BUILD_DIRECTORY + "/" + config.name(),
                agentJobDirectory == null ? null : agentJobDirectory.getRemote());
        build.addAction(action);
        console.println(ConsoleProgress.PREFIX + "Tuning job " + config.name() + ": " + config.strategy() + " search, "
                + config.limits().maxTrainingJobs() + " training jobs, " + config.limits().maxParallelTrainingJobs()
                + " in parallel, objective " + config.objective().type() + " " + config.objective().metricName());
        console.println(ConsoleProgress.PREFIX + (agentJobDirectory == null ? "Training jobs run the step's body"
                : "Training job directories and logs: " + agentJobDirectory.getRemote()));

        DirectoryStore store = new DirectoryStore(storeDirectory);
        Tuner current = new Tuner(config, store, storeDirectory, launcher, builtIns,
                ConsoleProgress.standard(console::println, config.limits().maxTrainingJobs(), config.objective().metricName(),
                        config.objective().type()), Clock.systemUTC(), cores);
        tuner = current;
        if (stopCause != null) {
            current.requestStop();
        }
        status = "running tuning job " + config.name();
        runningAction = action;
        TuningJob result;
        try {
            result = current.run();
        } finally {
            action.tunerEnded();
        }
        if (agentJobDirectory != null) {
            // the workspace gets the tuner's records too, so hpo describe/evaluate work on it there
            new FilePath(storeDirectory.toFile()).copyRecursiveTo("**/*.json", agentJobDirectory);
        }

        TuningBuildAction previous = TuningBuildAction.fromLastSuccessfulBuild(build, action.getUrlName());
        GateDecision decision = QualityGates.evaluate(gates, result, previous == null || previous.getBestObjective() == null ? null
                : new Baseline(previous.getOwnerName(), previous.getObjectiveMetric(), previous.getObjectiveType(), previous.getBestObjective()));
        action.finished(result, decision);
        build.save();
        if (stopCause != null) {
            throw stopCause instanceof Exception exception ? exception : new AbortException(stopCause.toString());
        }
        applyGate(decision, build, console);
        if (result.status() == TuningJobStatus.Failed) {
            throw new AbortException("tuneHyperparameters: tuning job " + result.name() + " Failed: " + result.failureReason());
        }
        return StepResult.of(result, config, agentJobDirectory == null ? null : agentJobDirectory.getRemote(), decision);
    }

    private void applyGate(GateDecision decision, Run<?, ?> build, PrintStream console) throws Exception {
        for (String reason : decision.reasons()) {
            console.println(ConsoleProgress.PREFIX + "quality gate " + reason);
        }
        if (decision.passed()) {
            return;
        }
        Result result = decision.outcome() == GateDecision.Outcome.FAILURE ? Result.FAILURE : Result.UNSTABLE;
        build.setResult(result);
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            // shows the stage as unstable or failed in the stage views, as the junit step does
            node.addOrReplaceAction(new WarningAction(result).withMessage(String.join("; ", decision.reasons())));
        }
    }

    /** The values of withCredentials' variables and any other the Pipeline marks sensitive. */
    static SecretMask secrets(StepContext context, EnvVars environment) throws Exception {
        EnvironmentExpander expander = context.get(EnvironmentExpander.class);
        List<String> values = new ArrayList<>();
        if (expander != null) {
            for (String name : expander.getSensitiveVariables()) {
                values.add(environment.get(name));
            }
        }
        return SecretMask.of(values);
    }

    /** A path from the Jenkinsfile, kept inside the workspace (isDescendant refuses absolute paths by throwing). */
    private static FilePath inWorkspace(FilePath workspace, String relative, String argument) throws Exception {
        if (workspace == null) {
            throw new AbortException("tuneHyperparameters: " + argument + " needs a workspace; use it inside node { }");
        }
        if (Path.of(relative).isAbsolute() || !workspace.isDescendant(relative)) {
            throw new AbortException("tuneHyperparameters: " + argument + ": '" + relative + "' is outside the workspace " + workspace.getRemote());
        }
        return workspace.child(relative);
    }

    /** Asks the tuner to stop; false when there is no tuner yet to ask (the caller then fails the step itself). */
    boolean requestStop(Throwable cause) {
        stopCause = cause;
        Tuner current = tuner;
        if (current == null) {
            return false;
        }
        status = "stopping";
        current.requestStop();
        return true;
    }

    /** The last resort after a stop that took too long. */
    void killTrainingJobs() {
        AgentLauncher launcher = agentLauncher;
        if (launcher != null) {
            launcher.killAll();
        }
        TuningBuildAction action = runningAction;
        if (action != null) {
            // the step gives up on the tuner: the page stops counting its time even if the tuner never returns
            action.tunerEnded();
        }
    }

    String status() {
        return status;
    }

    /** Resolves warmStart's build references to the tuning job directories those builds keep. */
    static final class WarmStartBuilds {
        private WarmStartBuilds() {
        }

        static Map<String, Object> resolve(WarmStartSpec spec, Run<?, ?> build) throws AbortException {
            List<Object> parents = new ArrayList<>();
            for (String reference : spec.getBuilds()) {
                Run<?, ?> parent = switch (reference) {
                    case "lastSuccessful" -> build.getParent().getLastSuccessfulBuild();
                    case "lastStable" -> build.getParent().getLastStableBuild();
                    case "lastCompleted" -> build.getParent().getLastCompletedBuild();
                    default -> reference.matches("[0-9]+") ? build.getParent().getBuildByNumber(Integer.parseInt(reference)) : null;
                };
                TuningBuildAction action = parent == null ? null : parent.getAction(TuningBuildAction.class);
                if (action == null) {
                    throw new AbortException("tuneHyperparameters: warmStart.builds: build '" + reference + "' has no tuning job to start from");
                }
                parents.add(new File(parent.getRootDir(), action.getStoreDirectory()).getAbsolutePath());
            }
            Map<String, Object> warmStart = new LinkedHashMap<>();
            warmStart.put("parents", parents);
            if (spec.getType() != null) {
                warmStart.put("type", spec.getType());
            }
            return warmStart;
        }
    }
}
