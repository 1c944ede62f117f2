package dev.hpo.cli;

import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.report.JobSnapshot;
import dev.hpo.engine.report.Reports;
import dev.hpo.engine.store.DirectoryStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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

    /**
     * The page replaces a regular file or a new one: never a device, a directory or a record of the job
     * itself. A symbolic link is followed, so the file it names is the one updated.
     */
    static Path outputPage(Path requested, Path jobDirectory) throws UsageException, IOException {
        Path page = requested.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(page)) {
            page = page.toRealPath();
        }
        if (Files.exists(page) && !Files.isRegularFile(page)) {
            throw new UsageException("--output " + requested + " is " + (Files.isDirectory(page) ? "a directory" : "not a regular file")
                    + "; give the HTML file to write");
        }
        Path job = jobDirectory.toAbsolutePath().normalize();
        if (page.startsWith(job) && (!page.getFileName().toString().endsWith(".html") || page.startsWith(job.resolve(DirectoryStore.TRAINING_JOBS)))) {
            throw new UsageException("--output " + requested + " would overwrite the tuning job's own files; write the page elsewhere"
                    + " or to an .html file in " + job);
        }
        return page;
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        Path page = arguments.option("output") != null ? outputPage(Path.of(arguments.option("output")), store.directory())
                : store.directory().resolve(Reports.DEFAULT_FILE_NAME);
        JobSnapshot snapshot;
        try {
            snapshot = Reports.write(store.directory(), page, Instant.now());
        } catch (FileSystemException e) {
            throw new UsageException("cannot write " + page + ": " + FileSystemProblem.reason(e));
        }
        out.println("Wrote " + page + " (" + snapshot.trainingJobs().size() + " training jobs, status "
                + snapshot.tuningJob().status() + ") and " + store.directory().resolve(ResultFile.FILE_NAME));
        return 0;
    }
}
