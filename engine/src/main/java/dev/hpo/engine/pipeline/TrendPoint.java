package dev.hpo.engine.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * One build's best objective, for the job page's trend across builds.
 *
 * @param bestObjective null when the build's tuning job found no best training job
 */
public record TrendPoint(int buildNumber, String buildName, Double bestObjective, String gateResult) {

    /** The trend as the job page's chart reads it: oldest build first, at most {@code limit} builds. */
    public static ObjectNode chart(List<TrendPoint> points, String objectiveName, int limit) {
        ObjectNode chart = JsonNodeFactory.instance.objectNode();
        chart.put("objective", objectiveName);
        List<TrendPoint> recent = points.stream().sorted(Comparator.comparingInt(TrendPoint::buildNumber).reversed())
                .limit(limit).sorted(Comparator.comparingInt(TrendPoint::buildNumber)).toList();
        ArrayNode builds = chart.putArray("builds");
        for (TrendPoint point : recent) {
            ObjectNode build = builds.addObject();
            build.put("number", point.buildNumber());
            build.put("name", point.buildName());
            if (point.bestObjective() != null) {
                build.put("bestObjective", point.bestObjective());
            } else {
                build.putNull("bestObjective");
            }
            build.put("gate", point.gateResult());
        }
        return chart;
    }
}
