package dev.hpo.jenkins.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.pipeline.BuildPageData;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.store.DirectoryStore;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A tuning job on its build: the sidebar link to the dashboard, the summary on the build page, the
 * REST API at {@code <build>/hpo/api/json}, and the data the dashboard draws itself from. It persists
 * only a few strings and numbers with the build; everything else is read from the tuner's store in
 * the build directory when asked, so the build.xml stays small whatever the number of training jobs.
 */
@ExportedBean(defaultVisibility = 2)
public final class TuningBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String URL_NAME = "hpo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tuningJobName;
    private final int index;
    private final String objectiveMetric;
    private final String objectiveType;
    private final String storeDirectory;
    private final String agentJobDirectory;
    private String status;
    private String bestTrainingJobName;
    private Double bestObjective;
    private String gateResult;
    private List<String> gateReasons = new ArrayList<>();
    private transient Run<?, ?> owner;
    /** Whether this controller's step still runs the tuner; false once it ended and after a restart. */
    private transient volatile boolean tunerRunning;

    private TuningBuildAction(String tuningJobName, int index, String objectiveMetric, String objectiveType, String storeDirectory,
                              String agentJobDirectory) {
        this.tuningJobName = tuningJobName;
        this.index = index;
        this.objectiveMetric = objectiveMetric;
        this.objectiveType = objectiveType;
        this.storeDirectory = storeDirectory;
        this.agentJobDirectory = agentJobDirectory;
        this.status = "InProgress";
        this.tunerRunning = true;
    }

    /** A running tuning job; the build's n-th one gets the URL hpo, hpo-2, hpo-3... */
    public static TuningBuildAction started(Run<?, ?> build, TuningJobConfig config, String storeDirectory, String agentJobDirectory) {
        int index = build.getActions(TuningBuildAction.class).size();
        return new TuningBuildAction(config.name(), index, config.objective().metricName(), config.objective().type().name(),
                storeDirectory, agentJobDirectory);
    }

    /** The same tuning step's action in the job's last successful build, for the baseline gate. */
    public static TuningBuildAction fromLastSuccessfulBuild(Run<?, ?> build, String urlName) {
        Run<?, ?> previous = build.getPreviousSuccessfulBuild();
        if (previous == null) {
            return null;
        }
        for (TuningBuildAction action : previous.getActions(TuningBuildAction.class)) {
            if (action.getUrlName().equals(urlName)) {
                return action;
            }
        }
        return null;
    }

    public synchronized void finished(TuningJob result, GateDecision decision) {
        status = result.status().name();
        if (result.bestTrainingJob() != null) {
            bestTrainingJobName = result.bestTrainingJob().name();
            bestObjective = result.bestTrainingJob().finalObjective();
        }
        gateResult = decision.outcome().name();
        gateReasons = new ArrayList<>(decision.reasons());
    }

    /** The step no longer runs the tuner, whether or not the tuner recorded its end. */
    public void tunerEnded() {
        tunerRunning = false;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        owner = run;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    public String getOwnerName() {
        return owner == null ? "the last successful build" : "build " + owner.getDisplayName();
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "Tuning job " + tuningJobName;
    }

    @Override
    public String getUrlName() {
        return index == 0 ? URL_NAME : URL_NAME + "-" + (index + 1);
    }

    /** The trend lives on the job page, drawn from the first tuning job of each build. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return index == 0 && owner != null ? List.of(new TuningJobAction(owner.getParent())) : List.of();
    }

    /** {@code <build>/hpo/api/json}: the tuning job for build dashboards. */
    public Api getApi() throws IOException {
        checkRead();
        return new Api(TuningApi.of(this, store()));
    }

    /** {@code <build>/hpo/data}: what the dashboard script draws (describe output, training jobs, gate). */
    public void doData(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        checkRead();
        DirectoryStore store = store();
        TuningJob job = store.tuningJob().orElse(null);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (job == null) {
            response.getWriter().write("{}");
            return;
        }
        GateDecision gate = gateResult == null ? null : new GateDecision(GateDecision.Outcome.valueOf(gateResult), gateReasons);
        response.getWriter().write(JSON.writeValueAsString(BuildPageData.of(job, store.trainingJobs(), gate, Instant.now(), tunerRunning)));
    }

    DirectoryStore store() {
        return new DirectoryStore(new File(owner.getRootDir(), storeDirectory).toPath());
    }

    private void checkRead() {
        owner.getParent().checkPermission(Item.READ);
    }

    @Exported
    public String getTuningJobName() {
        return tuningJobName;
    }

    @Exported
    public synchronized String getStatus() {
        return status;
    }

    @Exported
    public String getObjectiveMetric() {
        return objectiveMetric;
    }

    @Exported
    public String getObjectiveType() {
        return objectiveType;
    }

    @Exported
    public synchronized String getBestTrainingJobName() {
        return bestTrainingJobName;
    }

    @Exported
    public synchronized Double getBestObjective() {
        return bestObjective;
    }

    @Exported
    public synchronized String getGateResult() {
        return gateResult;
    }

    public synchronized List<String> getGateReasons() {
        return List.copyOf(gateReasons);
    }

    public String getStoreDirectory() {
        return storeDirectory;
    }

    public String getAgentJobDirectory() {
        return agentJobDirectory;
    }
}
