package dev.hpo.engine.tuner;

import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.completion.CompletionCriteriaFactory;
import dev.hpo.engine.completion.CompletionCriterion;
import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.StrategyName;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.earlystop.EarlyStoppings;
import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.ScriptModeContract;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.FinalValue;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.model.Counters;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.model.TuningJobStatus;
import dev.hpo.engine.store.Store;
import dev.hpo.engine.strategy.Strategy;
import dev.hpo.engine.strategy.StrategyFactory;
import dev.hpo.engine.strategy.Trial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tuning loop: asks the strategy for hyperparameters whenever a slot is free, has the launcher
 * run the training job, records how it ended (retrying a failed one when RetryStrategy allows), and
 * stops when the budget is spent or a completion criterion is met. Early stopping watches every
 * running job's objective. It is the only writer of the store while it runs; everything else reads.
 *
 * <p>{@link #resume()} continues a tuning job whose tuner died: finished jobs are kept as recorded,
 * interrupted ones are run again under their own name and hyperparameters, and the strategy goes on
 * from the full history, so the job ends with as many training jobs as it would have had.
 */
public final class Tuner {
    /** A file in the tuning job's directory that asks a running tuner to stop (written by {@code hpo stop}). */
    public static final String STOP_REQUEST_FILE = "stop-requested";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final TuningJobConfig config;
    private final Store store;
    private final Launcher launcher;
    private final Map<String, BuiltInAlgorithm> builtIns;
    private final TuningListener listener;
    private final Clock clock;
    private final int cores;
    private final Path jobDirectory;
    private final List<CompiledMetric> metrics;
    private final Map<String, FinalValue> finalValueRules = new LinkedHashMap<>();
    private final List<CompletionCriterion> completionCriteria;
    private final ScriptModeContract contract = new ScriptModeContract();
    private Duration stopGrace = STOP_GRACE;
    private Duration progressInterval = ProgressSaver.INTERVAL;

    private final TrainingJobBook jobs;
    private final Map<String, RunningTrainingJob> running = new ConcurrentHashMap<>();
    private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();
    private final List<Double> objectivesInEndOrder = new ArrayList<>();
    private final Deque<TrainingJob> toRerun = new ArrayDeque<>();
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private EarlyStoppingMonitor earlyStopping;
    private volatile boolean stopRequested;
    private TuningJob state;
    private Strategy strategy;
    private Instant start;
    private int launchedCount;
    private Completion completion;

    private record Ended(RunningTrainingJob run, int exitCode) {
    }

    public Tuner(TuningJobConfig config, Store store, Path jobDirectory, Launcher launcher,
                 Map<String, BuiltInAlgorithm> builtIns, TuningListener listener, Clock clock, int cores) throws Exception {
        this.config = config;
        this.store = store;
        this.jobDirectory = jobDirectory;
        this.launcher = launcher;
        this.builtIns = builtIns;
        this.listener = listener;
        this.clock = clock;
        this.cores = cores;
        this.metrics = CompiledMetric.compileAll(config.metricDefinitions(), "MetricDefinitions");
        for (MetricDefinition definition : config.metricDefinitions()) {
            finalValueRules.put(definition.name(), definition.finalValue());
        }
        this.completionCriteria = CompletionCriteriaFactory.create(config.completionCriteria());
        this.jobs = new TrainingJobBook(config.objective().type());
    }

    /** How long a stopped training job gets between the graceful signal and the kill (10 s by default). */
    public Tuner withStopGrace(Duration grace) {
        this.stopGrace = grace;
        return this;
    }

    /** How often running jobs' records gain their intermediate values (5 s by default). */
    public Tuner withProgressInterval(Duration interval) {
        this.progressInterval = interval;
        return this;
    }

    /** Asks the loop to stop every training job and end as Stopped; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Runs a new tuning job to its end. */
    public TuningJob run() throws IOException, InterruptedException {
        start = clock.instant();
        long seed = config.randomSeed() != null ? config.randomSeed() : new SecureRandom().nextLong() & Long.MAX_VALUE;
        strategy = StrategyFactory.create(config, seed);
        Files.deleteIfExists(jobDirectory.resolve(STOP_REQUEST_FILE));
        state = new TuningJob(config.name(), TuningJobStatus.InProgress, start, null, start, null, null, seed,
                Counters.NONE, null, config.request());
        store.save(state);
        return loop();
    }

    /**
     * Continues the tuning job in the store after its tuner died (or was stopped): same seed, same
     * training job names, interrupted jobs run again.
     *
     * @throws IllegalStateException when the store holds no tuning job, a different config, or one that already ended
     */
    public TuningJob resume() throws IOException, InterruptedException {
        TuningJob previous = resumable(config, store, jobDirectory);
        start = previous.creationTime();
        strategy = StrategyFactory.create(config, previous.randomSeed());
        Files.deleteIfExists(jobDirectory.resolve(STOP_REQUEST_FILE));
        List<TrainingJob> recorded = store.trainingJobs();
        List<TrainingJob> kept = new ArrayList<>();
        for (TrainingJob job : recorded) {
            launchedCount = Math.max(launchedCount, job.index() + 1);
            if (interrupted(job)) {
                toRerun.add(job);
            } else {
                kept.add(job);
                jobs.put(job.name(), job);
            }
        }
        kept.sort(Comparator.comparing((TrainingJob j) -> j.trainingEndTime() == null ? Instant.MAX : j.trainingEndTime())
                .thenComparingInt(TrainingJob::index));
        for (TrainingJob job : kept) {
            if (job.hasObjective()) {
                objectivesInEndOrder.add(job.finalObjective());
            }
        }
        for (TrainingJob job : toRerun) {
            // the dead tuner's process of this job may still be running and writing into its directory
            launcher.reclaim(store.trainingJobDirectory(job.name()));
        }
        state = previous.resumed(clock.instant());
        updateState();
        return loop();
    }

    /**
     * The tuning job in the store, if {@code config} may resume it.
     *
     * @throws IllegalStateException naming why not: no tuning job, another config, or one that already ended
     */
    public static TuningJob resumable(TuningJobConfig config, Store store, Path jobDirectory) throws IOException {
        TuningJob previous = store.tuningJob().orElseThrow(() -> new IllegalStateException(
                "there is no tuning job to resume in " + jobDirectory + "; run it without --resume"));
        if (previous.request() != null && !previous.request().equals(config.request())) {
            throw new IllegalStateException("the config differs from the one tuning job " + previous.name()
                    + " was started with; resume it with the same config, or start a new tuning job");
        }
        if (previous.status() == TuningJobStatus.Completed || previous.status() == TuningJobStatus.Failed) {
            throw new IllegalStateException("tuning job " + previous.name() + " has already ended (" + previous.status()
                    + "); there is nothing to resume");
        }
        return previous;
    }

    /** A job the tuner's death or a stop cut short: it did not fail on its own, so it runs again. */
    private static boolean interrupted(TrainingJob job) {
        return !job.status().terminal()
                || (job.status() == TrainingJobStatus.Stopped && TrainingJobOutcome.STOPPED_BY_REQUEST.equals(job.failureReason()));
    }

    private TuningJob loop() throws IOException, InterruptedException {
        earlyStopping = EarlyStoppings.forConfig(config)
                .map(rule -> new EarlyStoppingMonitor(rule, config.objective().metricName(), config.objective().type(), stopGrace, running))
                .orElse(null);
        if (earlyStopping != null) {
            jobs.values().forEach(earlyStopping::finished);
        }
        ProgressSaver progress = new ProgressSaver(store, clock, progressInterval);
        try {
            boolean exhausted = false;
            String endReason = null;
            RunningTrainingJob.StopCause stopCause = RunningTrainingJob.StopCause.REQUESTED;
            while (true) {
                if (!stopRequested && Files.exists(jobDirectory.resolve(STOP_REQUEST_FILE))) {
                    stopRequested = true;
                }
                if (stopRequested) {
                    break;
                }
                if (config.limits().maxRuntimeSeconds() > 0
                        && Duration.between(start, clock.instant()).getSeconds() >= config.limits().maxRuntimeSeconds()) {
                    endReason = "ResourceLimits.MaxRuntimeInSeconds (" + config.limits().maxRuntimeSeconds() + " s) reached";
                    stopCause = RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED;
                    break;
                }
                completion = completed().orElse(null);
                if (completion != null) {
                    endReason = completion.reason();
                    stopCause = RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED;
                    break;
                }
                while (running.size() < config.limits().maxParallelTrainingJobs()
                        && (!toRerun.isEmpty() || (!exhausted && launchedCount < config.limits().maxTrainingJobs()))) {
                    if (!toRerun.isEmpty()) {
                        TrainingJob again = toRerun.poll();
                        start(again.index(), again.tunedHyperParameters());
                        continue;
                    }
                    Optional<Map<String, String>> next = strategy.suggest(launchedCount, trials());
                    if (next.isEmpty()) {
                        exhausted = true;
                        break;
                    }
                    start(launchedCount++, next.get());
                }
                if (running.isEmpty() && toRerun.isEmpty()) {
                    completion = completed().orElse(null);
                    endReason = completion != null ? completion.reason()
                            // a grid's job limit is its size (ConfigParser refuses less), so reaching it means the grid is done
                            : config.strategy() == StrategyName.Grid && (exhausted || launchedCount >= config.limits().maxTrainingJobs())
                            ? "the grid's " + launchedCount + " combinations were all tried"
                            : exhausted && launchedCount < config.limits().maxTrainingJobs()
                            ? "the " + config.strategy() + " strategy tried every combination (" + launchedCount + " training jobs)"
                            : "MaxNumberOfTrainingJobs (" + config.limits().maxTrainingJobs() + ") reached";
                    break;
                }
                Ended next = ended.poll(250, TimeUnit.MILLISECONDS);
                while (next != null) {
                    finish(next);
                    next = ended.poll();
                }
                if (progress.saveIfDue(running.values()) > 0) {
                    listener.progressSaved(state);
                }
                listener.tick(state, running.size());
            }
            if (!running.isEmpty()) {
                stopAll(stopCause);
            }
            return end(endReason);
        } catch (IOException | RuntimeException | InterruptedException | Error e) {
            abandon();
            throw e;
        }
    }

    /**
     * The tuner cannot go on (a full disk, a bug): its training jobs must not run on unwatched. They
     * are stopped and waited for, but not recorded (the store may be what failed); a resume re-runs them.
     */
    private void abandon() {
        List<RunningTrainingJob> runs = List.copyOf(running.values());
        for (RunningTrainingJob run : runs) {
            run.stop(RunningTrainingJob.StopCause.REQUESTED, stopGrace);
        }
        long deadline = System.nanoTime() + stopGrace.toNanos() + TimeUnit.SECONDS.toNanos(10);
        for (RunningTrainingJob run : runs) {
            try {
                if (run.launched() != null) {
                    run.launched().exit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (Exception stillEnding) {
                // best effort: the kill has been sent
            }
        }
    }

    private Optional<Completion> completed() {
        for (CompletionCriterion criterion : completionCriteria) {
            Optional<Completion> done = criterion.check(objectivesInEndOrder, config.objective().type(), clock.instant());
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }

    private List<Trial> trials() {
        return jobs.trials();
    }

    private void start(int index, Map<String, String> tuned) throws IOException {
        String name = TrainingJobNames.name(config.name(), index, tuned, state.randomSeed());
        Path directory = store.trainingJobDirectory(name);
        if (Files.exists(directory)) {
            // an interrupted run's leftovers (partial model, log): the re-run starts clean
            DirectoryTree.delete(directory);
        }
        TrainingJob job = TrainingJob.started(name, index, tuned, clock.instant());
        if (config.maxRuntimePerJobSeconds() > 0) {
            Instant deadline = clock.instant().plusSeconds(config.maxRuntimePerJobSeconds());
            deadlines.put(name, deadline);
            // one timer for all attempts of the job, as StoppingCondition.MaxRuntimeInSeconds covers them together
            Timeouts.schedule(Duration.ofSeconds(config.maxRuntimePerJobSeconds()), () -> {
                RunningTrainingJob current = running.get(name);
                if (current != null) {
                    current.stop(RunningTrainingJob.StopCause.MAX_RUNTIME, stopGrace);
                }
            });
        }
        launchAttempt(job);
        listener.trainingJobStarted(state, job);
    }

    private void launchAttempt(TrainingJob job) throws IOException {
        jobs.put(job.name(), job);
        store.save(job);
        RunningTrainingJob run = new RunningTrainingJob(job, new MetricExtractor(metrics), config.objective().metricName(),
                earlyStopping == null ? r -> { } : earlyStopping::onObjectiveValue);
        running.put(job.name(), run);
        try {
            LaunchRequest request = contract.prepare(job.name(), store.trainingJobDirectory(job.name()), command(),
                    hyperParameters(job.tunedHyperParameters()), config.channels(), environment());
            run.attach(launcher.launch(request, run));
        } catch (IOException | RuntimeException e) {
            running.remove(job.name());
            TrainingJob failed = job.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null,
                    "the training job could not start: " + e.getMessage(), Map.of(), Map.of(), clock.instant(), null);
            if (!retry(failed)) {
                record(failed);
            }
            return;
        }
        run.launched().exit().whenComplete((code, error) -> ended.add(new Ended(run, code == null ? -1 : code)));
        updateState();
    }

    private void finish(Ended ended) throws IOException {
        RunningTrainingJob run = ended.run();
        running.remove(run.started.name());
        if (earlyStopping != null) {
            earlyStopping.forget(run);
        }
        TrainingJob outcome = TrainingJobOutcome.of(run, config.objective().metricName(), finalValueRules, ended.exitCode(),
                config.maxRuntimePerJobSeconds(), clock.instant());
        if (run.stopCause() == RunningTrainingJob.StopCause.NONE && outcome.status() == TrainingJobStatus.Failed
                && ended.exitCode() != 0 && !stopRequested && retry(outcome)) {
            return;
        }
        record(outcome);
    }

    /**
     * RetryStrategy: a job whose process failed runs again, under the same name, while attempts and
     * its MaxRuntimeInSeconds (which covers every attempt) remain. Exit 0 without the objective is not
     * retried: the same script prints the same log.
     */
    private boolean retry(TrainingJob failed) throws IOException {
        int attempt = failed.attemptCount();
        Instant deadline = deadlines.get(failed.name());
        if (attempt > config.maxRetryAttempts() || (deadline != null && !clock.instant().isBefore(deadline))) {
            return false;
        }
        Path log = store.trainingJobDirectory(failed.name()).resolve(ScriptModeContract.LOG_FILE);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "[hpo] attempt " + attempt + " failed: " + failed.failureReason() + "\n[hpo] attempt "
                + (attempt + 1) + " of " + (config.maxRetryAttempts() + 1) + " (RetryStrategy.MaximumRetryAttempts)\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        launchAttempt(failed.retried(attempt + 1));
        return true;
    }

    private void record(TrainingJob job) throws IOException {
        jobs.put(job.name(), job);
        deadlines.remove(job.name());
        store.save(job);
        if (job.hasObjective()) {
            objectivesInEndOrder.add(job.finalObjective());
        }
        if (earlyStopping != null) {
            earlyStopping.finished(job);
        }
        updateState();
        listener.trainingJobEnded(state, job);
    }

    private void stopAll(RunningTrainingJob.StopCause cause) throws IOException, InterruptedException {
        state = state.with(TuningJobStatus.Stopping, state.counters(), state.bestTrainingJob(), clock.instant());
        store.save(state);
        for (RunningTrainingJob run : running.values()) {
            run.stop(cause, stopGrace);
        }
        long waitMillis = Math.max(1000, stopGrace.toMillis() * 3);
        while (!running.isEmpty()) {
            Ended next = ended.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            finish(next);
        }
    }

    private void updateState() throws IOException {
        state = state.with(state.status(), jobs.counters(), jobs.best(), clock.instant());
        store.save(state);
    }

    private TuningJob end(String reason) throws IOException {
        // interrupted jobs a resume had not yet run again stay interrupted, as the stop left them
        while (!toRerun.isEmpty()) {
            TrainingJob waiting = toRerun.poll();
            record(waiting.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null, TrainingJobOutcome.STOPPED_BY_REQUEST,
                    Map.of(), Map.of(), clock.instant(), null));
        }
        Instant now = clock.instant();
        TuningJobStatus status;
        String failure = null;
        if (stopRequested) {
            status = TuningJobStatus.Stopped;
            reason = "stopped on request";
        } else if (state.bestTrainingJob() == null) {
            status = TuningJobStatus.Failed;
            failure = failureReason();
        } else {
            status = TuningJobStatus.Completed;
        }
        state = state.ended(status, reason, failure, now);
        if (completion != null && !stopRequested) {
            state = state.withCompletionDetails(completion.details());
        }
        store.save(state);
        listener.ended(state);
        return state;
    }

    private String failureReason() {
        if (jobs.isEmpty()) {
            return "no training job was started";
        }
        TrainingJob first = jobs.values().stream().filter(j -> j.failureReason() != null).findFirst().orElse(null);
        return "no training job produced the objective metric " + config.objective().metricName() + " (" + jobs.size()
                + " tried)" + (first == null ? "" : "; the first failure: " + first.name() + ": " + first.failureReason());
    }

    private List<String> command() {
        if (config.algorithm().isBuiltIn()) {
            return builtIns.get(config.algorithm().builtInName()).command();
        }
        return config.algorithm().command();
    }

    private Map<String, String> hyperParameters(Map<String, String> tuned) {
        Map<String, String> all = new LinkedHashMap<>(config.staticHyperParameters());
        all.putAll(tuned);
        if (config.algorithm().isBuiltIn()) {
            String threads = builtIns.get(config.algorithm().builtInName()).threadsHyperParameter();
            if (threads != null && !all.containsKey(threads)) {
                all.put(threads, Integer.toString(threadsPerJob()));
            }
        }
        all.put(ScriptModeContract.OBJECTIVE_HYPERPARAMETER, config.objective().metricName());
        return all;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        // a script's numeric libraries would otherwise each take every core and fight over them
        environment.put("OMP_NUM_THREADS", Integer.toString(threadsPerJob()));
        environment.putAll(config.environment());
        return environment;
    }

    private int threadsPerJob() {
        int parallel = Math.min(config.limits().maxParallelTrainingJobs(), config.limits().maxTrainingJobs());
        return Math.max(1, cores / Math.max(1, parallel));
    }
}
