package dev.hpo.cli;

import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.report.JobSnapshot;
import dev.hpo.engine.report.Reports;
import dev.hpo.engine.store.DirectoryStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** {@code hpo report <job directory> [--output <file>]}: the dashboard page, and result.json beside the job. */
final class ReportCommand implements Command {
    private final PrintStream out;

    ReportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report <job directory> [--output <file>]   the dashboard: one HTML page that opens without network\n"
                + "      (default <job directory>/report.html); also writes <job directory>/result.json";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("output");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        Path page = arguments.option("output") != null ? Path.of(arguments.option("output"))
                : store.directory().resolve(Reports.DEFAULT_FILE_NAME);
        JobSnapshot snapshot = Reports.write(store.directory(), page, Instant.now());
        out.println("Wrote " + page + " (" + snapshot.trainingJobs().size() + " training jobs, status "
                + snapshot.tuningJob().status() + ") and " + store.directory().resolve(ResultFile.FILE_NAME));
        return 0;
    }
}
