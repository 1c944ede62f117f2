package dev.hpo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.jenkins.model.TuningBuildAction;
import hudson.FilePath;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step in real Pipelines, in the sandbox, with training jobs as processes on a separate agent JVM.
 * The training script is a few lines of sh, so the suite needs neither XGBoost nor Python.
 */
@WithJenkins
class TuneHyperparametersStepTest {
    /** loss = (x - 0.5)^2 for the hyperparameter --x; sleeps when asked, writing its pid first. */
    private static final String TRAIN_SCRIPT = String.join("\n",
            "x=\"$2\"",
            "echo $$ > \"pid-$$\"",
            "if [ -n \"$HPO_TEST_SLEEP\" ]; then sleep \"$HPO_TEST_SLEEP\"; fi",
            "awk -v x=\"$x\" 'BEGIN { print \"loss=\" (x - 0.5) * (x - 0.5) }'",
            "");
    /** The script as a Groovy literal that interpolates nothing. */
    private static final String WRITE_SCRIPT = "  writeFile file: 'train.sh', text: '''" + TRAIN_SCRIPT + "'''\n";

    private JenkinsRule j;
    private DumbSlave agent;

    @BeforeEach
    void agent(JenkinsRule rule) throws Exception {
        j = rule;
        agent = j.createOnlineSlave();
        agent.setLabelString("ml");
    }

    private WorkflowJob pipeline(String name, String tuneArguments) throws Exception {
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("node('ml') {\n"
                + WRITE_SCRIPT
                + "  def r = tuneHyperparameters(algorithm: command('sh train.sh'), objective: 'loss', objectiveType: 'Minimize',\n"
                + "      metricDefinitions: [metric(name: 'loss', regex: 'loss=([0-9.eE+-]+)')],\n"
                + "      ranges: [continuous(name: 'x', min: 0, max: 1)], strategy: 'Random', randomSeed: 7" + tuneArguments + ")\n"
                + "  echo \"result status=${r.status} best=${r.bestTrainingJobName} objective=${r.bestObjective} gate=${r.gate.result}\"\n"
                + "  echo \"model=${r.modelPath}\"\n"
                + "}\n", true));
        return job;
    }

    @Test
    void aSmallTuningJobRunsOnTheAgentAndReportsOnTheBuild() throws Exception {
        WorkflowJob job = pipeline("tune", ", maxJobs: 6, maxParallelJobs: 2, qualityGates: [[threshold: 0.25]]");
        WorkflowRun build = j.buildAndAssertSuccess(job);

        j.assertLogContains("result status=Completed", build);
        j.assertLogContains("gate=PASSED", build);
        j.assertLogContains("[hpo] tuning job tune-1 Completed", build);
        TuningBuildAction action = build.getAction(TuningBuildAction.class);
        assertNotNull(action);
        assertEquals("Completed", action.getStatus());
        assertTrue(action.getBestObjective() <= 0.25, "best loss " + action.getBestObjective());

        // the training jobs ran in the agent's workspace, each with its log and model directory
        FilePath workspace = agent.getWorkspaceFor(job);
        FilePath jobs = workspace.child("hpo-runs/tune-1/training-jobs");
        assertEquals(6, jobs.list().size());
        for (FilePath trainingJob : jobs.list()) {
            assertTrue(trainingJob.child("output.log").readToString().startsWith("loss="), trainingJob.getRemote());
            assertTrue(trainingJob.child("model").isDirectory());
        }
        j.assertLogContains("model=" + workspace.child("hpo-runs/tune-1/training-jobs").getRemote(), build);
        // and the controller's build keeps the tuner's records
        List<TrainingJob> recorded = new DirectoryStore(new File(build.getRootDir(), "hpo/tune-1").toPath()).trainingJobs();
        assertEquals(6, recorded.size());

        String json = j.createWebClient().goTo(build.getUrl() + "hpo/api/json?depth=1", "application/json").getWebResponse().getContentAsString();
        assertTrue(json.contains("\"bestObjective\":" + action.getBestObjective()), json);
        assertTrue(json.contains("\"trainingJobs\":["), json);
        String data = j.createWebClient().goTo(build.getUrl() + "hpo/data", "application/json").getWebResponse().getContentAsString();
        assertTrue(data.contains("\"HyperParameterTuningJobStatus\":\"Completed\""), data);
        // the page itself is a skeleton; its script is tested in a real browser by the engine's BuildPageScriptBrowserTest
        String page = j.createWebClient().withJavaScriptEnabled(false).goTo(build.getUrl() + "hpo/").getWebResponse().getContentAsString();
        assertTrue(page.contains("data-url=\"" + j.contextPath + "/" + build.getUrl() + "hpo/data\""), page);
    }

    @Test
    void theGateMakesTheBuildUnstableWhenTheThresholdIsOutOfReachAndComparesWithTheLastSuccessfulBuild() throws Exception {
        WorkflowJob job = pipeline("gate", ", maxJobs: 3, maxParallelJobs: 1, qualityGates: [[threshold: -1]]");
        WorkflowRun unstable = j.buildAndAssertStatus(Result.UNSTABLE, job);
        j.assertLogContains("[hpo] quality gate UNSTABLE: best loss", unstable);
        j.assertLogContains("gate=UNSTABLE", unstable);

        WorkflowJob baseline = pipeline("baseline", ", maxJobs: 3, maxParallelJobs: 1, qualityGates: [[baseline: 'lastSuccessful', criticality: 'FAILURE']]");
        WorkflowRun first = j.buildAndAssertSuccess(baseline);
        j.assertLogContains("no earlier successful build", first);
        // the same seed finds the same best: no worse than the last successful build
        WorkflowRun second = j.buildAndAssertSuccess(baseline);
        j.assertLogContains("is no worse than", second);
        String trend = j.createWebClient().goTo(baseline.getUrl() + "hpo-trend/data", "application/json").getWebResponse().getContentAsString();
        assertTrue(trend.contains("\"number\":2"), trend);
    }

    @Test
    void badArgumentsFailTheBuildBeforeAnyTrainingJobStartsAndNameTheArgument() throws Exception {
        WorkflowJob job = pipeline("bad", ", maxJobs: 3, strategy: 'Quantum'");
        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("maxParallelJobs: ", build);
        j.assertLogContains("strategy: ", build);
        assertFalse(agent.getWorkspaceFor(job).child("hpo-runs").exists());
        assertEquals(null, build.getAction(TuningBuildAction.class));
    }

    @Test
    void theBlockFormRefusesBodiesSideBySide() throws Exception {
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "each-parallel");
        job.setDefinition(new CpsFlowDefinition(
                "tuneHyperparametersEach(objective: 'loss', objectiveType: 'Minimize', strategy: 'Random', maxJobs: 4, maxParallelJobs: 2,\n"
                + "    metricDefinitions: [metric(name: 'loss', regex: 'loss=([0-9.eE+-]+)')], ranges: [continuous(name: 'x', min: 0, max: 1)]) {\n"
                + "  echo 'never'\n"
                + "}\n", true));
        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("maxParallelJobs: must be 1 in the block form, not 2", build);
        j.assertLogNotContains("never", build);
    }

    @Test
    void abortingTheBuildStopsEveryTrainingJobAndRecordsThemAsStopped() throws Exception {
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "abort");
        job.setDefinition(new CpsFlowDefinition("node('ml') {\n"
                + WRITE_SCRIPT
                + "  tuneHyperparameters(algorithm: command('sh train.sh'), objective: 'loss', objectiveType: 'Minimize',\n"
                + "      metricDefinitions: [metric(name: 'loss', regex: 'loss=([0-9.eE+-]+)')], environment: [HPO_TEST_SLEEP: '600'],\n"
                + "      ranges: [continuous(name: 'x', min: 0, max: 1)], strategy: 'Random', maxJobs: 4, maxParallelJobs: 2)\n"
                + "}\n", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[hpo] Training job directories and logs:", build);
        FilePath jobs = agent.getWorkspaceFor(job).child("hpo-runs/abort-1/training-jobs");
        List<Long> pids = List.of();
        for (int attempt = 0; attempt < 600 && pids.size() < 2; attempt++) {
            Thread.sleep(100);
            pids = jobs.exists() ? java.util.Arrays.stream(jobs.list("*/pid-*")).map(f -> Long.parseLong(f.getName().substring(4))).toList() : List.of();
        }
        assertEquals(2, pids.size(), "two training jobs run at once");

        build.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                assertFalse(p.isAlive(), "training job process " + pid + " survived the abort");
            });
        }
        List<TrainingJob> recorded = new DirectoryStore(new File(build.getRootDir(), "hpo/abort-1").toPath()).trainingJobs();
        assertEquals(2, recorded.size());
        assertTrue(recorded.stream().allMatch(t -> t.status() == TrainingJobStatus.Stopped), recorded.toString());
        assertEquals("Stopped", build.getAction(TuningBuildAction.class).getStatus());
    }

    @Test
    void theBlockFormRunsTheBodyPerTrainingJobAndScrapesItsConsole() throws Exception {
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "each");
        job.setDefinition(new CpsFlowDefinition(
                "def r = tuneHyperparametersEach(objective: 'loss', objectiveType: 'Minimize', strategy: 'Random', randomSeed: 3,\n"
                + "    maxJobs: 4, metricDefinitions: [metric(name: 'loss', regex: 'loss=([0-9.eE+-]+)')],\n"
                + "    ranges: [continuous(name: 'x', min: 0, max: 1)]) {\n"
                + "  node('ml') { sh 'echo \"loss=$SM_HP_X\"' }\n"
                + "}\n"
                + "echo \"each status=${r.status} best=${r.bestObjective} counters=${r.counters.completed}\"\n", true));
        WorkflowRun build = j.buildAndAssertSuccess(job);
        j.assertLogContains("each status=Completed", build);
        j.assertLogContains("counters=4", build);
        TuningBuildAction action = build.getAction(TuningBuildAction.class);
        List<TrainingJob> recorded = new DirectoryStore(new File(build.getRootDir(), "hpo/each-1").toPath()).trainingJobs();
        double smallest = recorded.stream().mapToDouble(t -> Double.parseDouble(t.tunedHyperParameters().get("x"))).min().orElseThrow();
        assertEquals(smallest, action.getBestObjective(), 1e-6);
        assertTrue(Files.readString(new File(build.getRootDir(), "hpo/each-1/training-jobs/" + recorded.get(0).name() + "/output.log").toPath())
                .contains("loss="));
    }

}
