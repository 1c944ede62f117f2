package dev.hpo.cli;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.describe.TuningJobDescription;
import dev.hpo.engine.describe.WarmStartParents;
import dev.hpo.engine.launch.LocalLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.store.TunerLockHeldException;
import dev.hpo.engine.tuner.Tuner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code hpo tune <config.json> [--output <dir>] [--replace | --resume]}: runs a tuning job to its end,
 * or continues one whose tuner died.
 */
final class TuneCommand implements Command {
    private final PrintStream out;
    private final PrintStream err;

    TuneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "tune";
    }

    @Override
    public String usage() {
        return "tune <config.json> [--output <dir>] [--replace | --resume]   run a tuning job in <dir>/<HyperParameterTuningJobName>\n"
                + "    (--resume: continue one whose tuner died or was stopped; --replace: delete it and start over;\n"
                + "     --stop-grace <s>: seconds a stopped training job gets between SIGTERM and SIGKILL, default 10)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path configFile = Path.of(arguments.positional(0, "the tuning job config (a JSON file)"));
        arguments.expectPositional(1);
        // every option is read before anything is created: a bad one must not leave a job directory or a lock behind
        Duration grace = stopGrace(arguments);
        if (arguments.option("output") != null && arguments.option("output").isBlank()) {
            throw new UsageException("--output needs a directory, not an empty string");
        }
        boolean resume = arguments.flag("resume");
        if (resume && arguments.flag("replace")) {
            throw new UsageException("--resume and --replace exclude each other");
        }
        Map<String, BuiltInAlgorithm> builtIns = BuiltInAlgorithms.all();
        TuningJobConfig config;
        try {
            config = new ConfigParser(builtIns).parse(configFile);
        } catch (ConfigException e) {
            err.println("error: " + configFile + ": " + e.getMessage());
            return 2;
        }
        if (!config.ignoredFields().isEmpty()) {
            out.println("note: these fields only apply in the cloud and are ignored here: " + String.join(", ", config.ignoredFields()));
        }
        for (String note : config.notes()) {
            out.println("note: " + note);
        }
        Path output = arguments.option("output") != null ? Path.of(arguments.option("output")) : config.outputPath();
        if (output == null) {
            err.println("error: no output directory: give --output <dir> or TrainingJobDefinition.OutputDataConfig.S3OutputPath");
            return 2;
        }
        Path jobDirectory = output.resolve(config.name()).toAbsolutePath().normalize();
        if (resume) {
            try {
                Tuner.resumable(config, new DirectoryStore(jobDirectory), jobDirectory);
            } catch (IllegalStateException cannotResume) {
                err.println("error: " + cannotResume.getMessage());
                return 2;
            }
        }
        if (!resume && DirectoryStore.holdsTuningJob(jobDirectory)) {
            if (!arguments.flag("replace")) {
                err.println("error: a tuning job named " + config.name() + " already exists in " + jobDirectory
                        + "; pick another HyperParameterTuningJobName or --output, pass --resume to continue it,"
                        + " or --replace to delete it and start over");
                return 2;
            }
            if (TunerLock.liveOwner(jobDirectory).isPresent()) {
                err.println("error: tuning job " + jobDirectory + " is running; stop it first with: hpo stop " + jobDirectory);
                return 2;
            }
            deleteTree(jobDirectory);
        }
        try {
            Files.createDirectories(jobDirectory);
        } catch (FileSystemException e) {
            err.println("error: cannot create the job directory " + jobDirectory + ": "
                    + FileSystemProblem.reason(e)
                    + " (--output or TrainingJobDefinition.OutputDataConfig.S3OutputPath)");
            return 2;
        }
        TunerLock lock;
        try {
            lock = TunerLock.acquire(jobDirectory);
        } catch (TunerLockHeldException runByAnother) {
            // refused before any work, as --replace on a running job is: a usage-level answer
            err.println("error: " + runByAnother.getMessage());
            return 2;
        }
        DirectoryStore store = new DirectoryStore(jobDirectory);
        Clock clock = Clock.systemUTC();
        boolean live = System.console() != null && System.getenv("CI") == null;
        ProgressDisplay display = new ProgressDisplay(out, live, config.limits().maxTrainingJobs(), config.objective().metricName(), clock);
        out.println("Tuning job " + config.name() + ": " + config.strategy() + " search, " + config.limits().maxTrainingJobs()
                + (config.limits().maxTrainingJobs() == 1 ? " training job, " : " training jobs, ")
                + config.limits().maxParallelTrainingJobs() + " in parallel, objective "
                + config.objective().type() + " " + config.objective().metricName());
        if (config.warmStart() != null) {
            out.println("Warm start (" + config.warmStart().type() + ") from " + config.warmStart().parents().size()
                    + (config.warmStart().parents().size() == 1 ? " parent: " : " parents: ")
                    + String.join(", ", config.warmStart().parents().stream().map(Path::toString).toList()));
        }
        out.println("Job directory: " + jobDirectory + (resume ? "   (resuming)" : ""));
        TuningJob result;
        try (lock) {
            LiveReport report = new LiveReport(display, jobDirectory, clock, err);
            Tuner tuner = new Tuner(config, store, jobDirectory, new LocalLauncher(), builtIns, report, clock,
                    Runtime.getRuntime().availableProcessors()).withStopGrace(grace);
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                // Ctrl-C: stop the training jobs and record them before the JVM goes
                tuner.requestStop();
                try {
                    // long enough for every job's grace period and its record: the JVM exits when this returns
                    finished.await(grace.toSeconds() * 3 + 60, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-on-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            boolean dashboard;
            try {
                result = resume ? tuner.resume() : tuner.run();
                // before the latch, so that a Ctrl-C's shutdown waits for them too
                writeResult(jobDirectory, result);
                dashboard = report.write();
            } catch (IllegalStateException cannotResume) {
                err.println("error: " + cannotResume.getMessage());
                return 2;
            } finally {
                finished.countDown();
            }
            if (dashboard) {
                out.println("Dashboard: " + report.page());
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it returns as soon as it sees the latch
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        printResult(result, config, jobDirectory, clock);
        return result.status() == TuningJobStatus.Completed ? 0 : 1;
    }

    private void printResult(TuningJob result, TuningJobConfig config, Path jobDirectory, Clock clock) {
        out.println();
        out.println("Tuning job " + result.name() + " " + result.status() + " after "
                + ProgressSummary.duration(Duration.between(result.creationTime(), result.endTime()))
                + (result.completionReason() == null ? "" : " (" + result.completionReason() + ")"));
        out.println(ProgressSummary.status(result, config.limits().maxTrainingJobs(), result.endTime(), config.objective().metricName()));
        if (result.failureReason() != null) {
            out.println("Failure reason: " + result.failureReason());
        }
        TrainingJob best = result.bestTrainingJob();
        if (best != null) {
            out.println("Best training job: " + best.name());
            out.println("  " + config.objective().metricName() + " = " + best.finalObjective());
            out.println("  hyperparameters: " + ProgressSummary.hyperParameters(best.tunedHyperParameters()));
            out.println("  model: " + jobDirectory.resolve("training-jobs").resolve(best.name()).resolve("model"));
        }
        TuningJobDescription.overallBest(result, WarmStartParents.of(result, jobDirectory)).ifPresent(overall ->
                out.println("Overall best (this job and its warm-start parents): " + overall.path("TrainingJobName").asText()
                        + " of " + overall.path("TuningJobName").asText() + "  " + config.objective().metricName() + " = "
                        + overall.path("FinalHyperParameterTuningJobObjectiveMetric").path("Value").asDouble()));
        out.println("More: hpo describe " + jobDirectory + "   |   hpo list-training-jobs " + jobDirectory);
    }

    private static Duration stopGrace(Arguments arguments) throws UsageException {
        String text = arguments.option("stop-grace", "10");
        try {
            double seconds = Double.parseDouble(text);
            if (seconds < 0 || seconds > 3600) {
                throw new UsageException("--stop-grace must be between 0 and 3600 seconds, not " + text);
            }
            return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException("--stop-grace takes seconds, not '" + text + "'");
        }
    }

    /** result.json for build tools; a failure to write it is reported, but the tuning job's outcome stands. */
    private void writeResult(Path jobDirectory, TuningJob result) {
        try {
            ResultFile.write(jobDirectory, result);
        } catch (IOException e) {
            err.println("warning: " + jobDirectory.resolve(ResultFile.FILE_NAME) + " could not be written: " + e.getMessage());
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("output", "stop-grace");
    }

    @Override
    public Set<String> flags() {
        return Set.of("replace", "resume");
    }
}
