package dev.hpo.cli;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.describe.ProgressSummary;
import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.launch.LocalLauncher;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.tuner.Tuner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
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

/** {@code hpo tune <config.json> [--output <dir>] [--replace]}: runs a tuning job to its end. */
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
        return "tune <config.json> [--output <dir>] [--replace]   run a tuning job in <dir>/<HyperParameterTuningJobName>";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path configFile = Path.of(arguments.positional(0, "the tuning job config (a JSON file)"));
        arguments.expectPositional(1);
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
        if (arguments.option("output") != null && arguments.option("output").isBlank()) {
            throw new UsageException("--output needs a directory, not an empty string");
        }
        Path output = arguments.option("output") != null ? Path.of(arguments.option("output")) : config.outputPath();
        if (output == null) {
            err.println("error: no output directory: give --output <dir> or TrainingJobDefinition.OutputDataConfig.S3OutputPath");
            return 2;
        }
        Path jobDirectory = output.resolve(config.name()).toAbsolutePath().normalize();
        if (DirectoryStore.holdsTuningJob(jobDirectory)) {
            if (!arguments.flag("replace")) {
                err.println("error: a tuning job named " + config.name() + " already exists in " + jobDirectory
                        + "; pick another HyperParameterTuningJobName or --output, or pass --replace to delete it and start over");
                return 2;
            }
            if (TunerLock.owner(jobDirectory).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
                err.println("error: tuning job " + jobDirectory + " is running; stop it first with: hpo stop " + jobDirectory);
                return 2;
            }
            deleteTree(jobDirectory);
        }
        try {
            Files.createDirectories(jobDirectory);
        } catch (FileSystemException e) {
            err.println("error: cannot create the job directory " + jobDirectory + ": "
                    + (e.getReason() != null ? e.getReason() : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "a file of that name is in the way" : "it cannot be made there")
                    + " (--output or TrainingJobDefinition.OutputDataConfig.S3OutputPath)");
            return 2;
        }
        DirectoryStore store = new DirectoryStore(jobDirectory);
        Clock clock = Clock.systemUTC();
        boolean live = System.console() != null && System.getenv("CI") == null;
        ProgressDisplay display = new ProgressDisplay(out, live, config.limits().maxTrainingJobs(), config.objective().metricName(), clock);
        out.println("Tuning job " + config.name() + ": " + config.strategy() + " search, " + config.limits().maxTrainingJobs()
                + " training jobs, " + config.limits().maxParallelTrainingJobs() + " in parallel, objective "
                + config.objective().type() + " " + config.objective().metricName());
        out.println("Job directory: " + jobDirectory);
        TuningJob result;
        try (TunerLock lock = TunerLock.acquire(jobDirectory)) {
            LiveReport report = new LiveReport(display, jobDirectory, clock, err);
            Tuner tuner = new Tuner(config, store, jobDirectory, new LocalLauncher(), builtIns, report, clock,
                    Runtime.getRuntime().availableProcessors());
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                // Ctrl-C: stop the training jobs and record them before the JVM goes
                tuner.requestStop();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-on-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                result = tuner.run();
            } finally {
                finished.countDown();
            }
            // result.json for build tools even if the page cannot be drawn
            ResultFile.write(jobDirectory, result);
            if (report.write()) {
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
        out.println("More: hpo describe " + jobDirectory + "   |   hpo list-training-jobs " + jobDirectory);
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
        return Set.of("output");
    }

    @Override
    public Set<String> flags() {
        return Set.of("replace");
    }
}
