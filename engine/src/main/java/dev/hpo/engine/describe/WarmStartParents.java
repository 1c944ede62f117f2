package dev.hpo.engine.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.config.ParentLocation;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tuning job's warm-start parents that can still be read, looked up next to it (where the tuner found them). */
public final class WarmStartParents {
    private WarmStartParents() {
    }

    public static List<TuningJob> of(TuningJob job, Path jobDirectory) {
        List<TuningJob> parents = new ArrayList<>();
        if (job.request() == null) {
            return parents;
        }
        for (Path location : locations(job, jobDirectory)) {
            try {
                new DirectoryStore(location).tuningJob().ifPresent(parents::add);
            } catch (IOException | RuntimeException unreadable) {
                // a parent deleted or moved since: report what remains
            }
        }
        return parents;
    }

    /** Where the tuner found them, as it recorded; for jobs from before that record, next to this job. */
    private static List<Path> locations(TuningJob job, Path jobDirectory) {
        try {
            List<Path> recorded = new DirectoryStore(jobDirectory).warmStartParents();
            if (!recorded.isEmpty()) {
                return recorded;
            }
        } catch (IOException | RuntimeException unreadable) {
            // fall back to the lookup by name
        }
        Path output = jobDirectory.toAbsolutePath().getParent();
        List<Path> locations = new ArrayList<>();
        for (JsonNode parent : job.request().path("WarmStartConfig").path("ParentHyperParameterTuningJobs")) {
            locations.add(ParentLocation.of(parent.path("HyperParameterTuningJobName").asText(), output, output));
        }
        return locations;
    }
}
