package dev.hpo.jenkins.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.pipeline.TrendPoint;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page's trend of the best objective across builds (a floating box drawn with ECharts from
 * the echarts-api plugin). Added by core's LastBuildActionFactory from the last successful build.
 */
public final class TuningJobAction implements Action {
    static final int MAX_BUILDS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Job<?, ?> job;

    TuningJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** No sidebar link: the trend is shown on the job page itself. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Tuning trend";
    }

    @Override
    public String getUrlName() {
        return "hpo-trend";
    }

    /** {@code <job>/hpo-trend/data}: the best objective of the last builds, oldest first. */
    public void doData(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        job.checkPermission(Item.READ);
        List<TrendPoint> points = new ArrayList<>();
        String objective = null;
        for (Run<?, ?> build : job.getBuilds().limit(MAX_BUILDS)) {
            TuningBuildAction action = build.getAction(TuningBuildAction.class);
            if (action != null && action.getGateResult() != null) {
                objective = objective == null ? action.getObjectiveMetric() : objective;
                points.add(new TrendPoint(build.getNumber(), build.getDisplayName(), action.getBestObjective(), action.getGateResult()));
            }
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JSON.writeValueAsString(TrendPoint.chart(points, objective == null ? "" : objective, MAX_BUILDS)));
    }
}
