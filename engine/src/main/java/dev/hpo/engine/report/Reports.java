package dev.hpo.engine.report;

import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.store.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes a tuning job's dashboard page (and its result.json beside tuning-job.json). */
public final class Reports {
    public static final String DEFAULT_FILE_NAME = "report.html";

    private Reports() {
    }

    /** From another process than the tuner's ({@code hpo report}). @return the snapshot the page was drawn from */
    public static JobSnapshot write(Path jobDirectory, Path page, Instant now) throws IOException {
        return write(JobSnapshot.read(jobDirectory, now), page);
    }

    /** From the tuner's own process, while it runs or as it ends (see {@link JobSnapshot#readByTuner}). */
    public static JobSnapshot writeWhileTuning(Path jobDirectory, Path page, Instant now) throws IOException {
        return write(JobSnapshot.readByTuner(jobDirectory, now), page);
    }

    private static JobSnapshot write(JobSnapshot snapshot, Path page) throws IOException {
        Path jobDirectory = snapshot.directory();
        Path parent = page.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String html = ReportPage.render(ReportData.of(snapshot, parent));
        AtomicFile.write(page, html.getBytes(StandardCharsets.UTF_8));
        ResultFile.write(jobDirectory, snapshot.tuningJob(), !snapshot.tuningJob().status().terminal() && !snapshot.tunerRunning());
        return snapshot;
    }
}
