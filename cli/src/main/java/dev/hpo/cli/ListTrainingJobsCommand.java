package dev.hpo.cli;

import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.describe.EarlyStopReason;
import dev.hpo.engine.describe.MaxResourceEnd;
import dev.hpo.engine.describe.TrainingJobListing;
import dev.hpo.engine.describe.TrainingJobListing.SortBy;
import dev.hpo.engine.describe.TrainingJobListing.SortOrder;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.Json;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code hpo list-training-jobs <job directory>}: every training job, as ListTrainingJobsForHyperParameterTuningJob. */
final class ListTrainingJobsCommand implements Command {
    private final PrintStream out;

    ListTrainingJobsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "list-training-jobs";
    }

    @Override
    public String usage() {
        return "list-training-jobs <job directory> [--sort-by Name|CreationTime|Status|FinalObjectiveMetricValue]\n"
                + "      [--sort-order Ascending|Descending] [--status-equals InProgress|Completed|Failed|Stopping|Stopped]\n"
                + "      [--max-results N] [--json]";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("sort-by", "sort-order", "status-equals", "max-results");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        SortBy sortBy = choice(SortBy.class, arguments.option("sort-by", "Name"), "--sort-by");
        SortOrder order = choice(SortOrder.class, arguments.option("sort-order", "Ascending"), "--sort-order");
        String status = arguments.option("status-equals");
        TrainingJobStatus statusEquals = status == null ? null : choice(TrainingJobStatus.class, status, "--status-equals");
        int maxResults = 0;
        if (arguments.option("max-results") != null) {
            try {
                maxResults = Integer.parseInt(arguments.option("max-results"));
            } catch (NumberFormatException e) {
                maxResults = -1;
            }
            if (maxResults < 1) {
                throw new UsageException("--max-results must be a whole number of at least 1, not '" + arguments.option("max-results") + "'");
            }
        }
        TuningJob tuningJob = store.tuningJob().orElseThrow();
        List<TrainingJob> selected = TrainingJobListing.select(store.trainingJobs(), statusEquals, sortBy, order, maxResults);
        if (arguments.flag("json")) {
            out.println(Json.mapper().writeValueAsString(TrainingJobListing.response(tuningJob, selected)));
            return 0;
        }
        Instant now = Instant.now();
        // One write per 64 KB rather than String.format and a flush per line: 10,000 lines stay well under a second.
        StringBuilder text = new StringBuilder(1 << 17);
        text.append(String.format(Locale.ROOT, "%-40s %-10s %14s %9s  %s", "TrainingJobName", "Status", "Objective", "Seconds",
                "TunedHyperParameters / FailureReason")).append('\n');
        for (TrainingJob job : selected) {
            String objective = job.hasObjective() ? ProgressSummary.number(job.finalObjective()) : "-";
            padRight(text, job.name(), 40).append(' ');
            padRight(text, job.status().name(), 10).append(' ');
            padLeft(text, objective, 14).append(' ');
            padLeft(text, tenths(job.durationSeconds(now)), 9).append("  ");
            text.append(ProgressSummary.hyperParameters(job.tunedHyperParameters()));
            if (job.failureReason() != null) {
                text.append("  -- ").append(job.failureReason());
            } else {
                EarlyStopReason.of(job, tuningJob).or(() -> MaxResourceEnd.of(job, tuningJob))
                        .ifPresent(reason -> text.append("  -- ").append(reason));
            }
            text.append('\n');
            if (text.length() >= 1 << 16) {
                out.print(text);
                text.setLength(0);
            }
        }
        out.print(text);
        out.flush();
        return 0;
    }

    private static StringBuilder padRight(StringBuilder text, String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text;
    }

    private static StringBuilder padLeft(StringBuilder text, String value, int width) {
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text.append(value);
    }

    /** A non-negative number of seconds with one decimal, as %.1f prints it. */
    static String tenths(double seconds) {
        long tenths = Math.round(seconds * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) throws UsageException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new UsageException(option + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
    }
}
