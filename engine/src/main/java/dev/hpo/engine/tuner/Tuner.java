package dev.hpo.engine.tuner;

import dev.hpo.engine.completion.Completion;
import dev.hpo.engine.completion.CompletionCriteriaFactory;
import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.earlystop.EarlyStoppings;
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
import dev.hpo.engine.strategy.StrategyFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tuning loop: whenever a slot is free it starts the job the {@link JobSchedule} gives, records
 * how each attempt ended (running it again when the {@link RetryPolicy} says so), and ends when the
 * schedule is done or the {@link CompletionWatch} says so. Early stopping watches every running job's
 * objective. It is the only writer of the store while it runs; everything else reads.
 *
 * <p>{@link #resume()} continues a tuning job whose tuner died, by its {@link ResumePlan}: finished jobs
 * are kept as recorded, interrupted ones are run again under their own name and hyperparameters, and
 * the strategy goes on from the full history, so the job ends with as many training jobs as it would have had.
 */
public final class Tuner {
    /** A file in the tuning job's directory that asks a running tuner to stop (written by {@code hpo stop}). */
    public static final String STOP_REQUEST_FILE = "stop-requested";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 250;

    private final TuningJobConfig config;
    private final Store store;
    private final Launcher launcher;
    private final TuningListener listener;
    private final Clock clock;
    private final Path jobDirectory;
    private final List<CompiledMetric> metrics;
    private final Map<String, FinalValue> finalValueRules = new LinkedHashMap<>();
    private final TrainingJobRequests requests;
    private final RetryPolicy retries;
    private final CompletionWatch completionWatch;
    private Duration stopGrace = STOP_GRACE;
    private Duration progressInterval = ProgressSaver.INTERVAL;

    private final TrainingJobBook jobs;
    private final RunningAttempts running = new RunningAttempts();
    private EarlyStoppingMonitor earlyStopping;
    private volatile boolean stopRequested;
    private TuningJob state;
    private JobSchedule schedule;
    private Instant start;
    private Completion completion;

    public Tuner(TuningJobConfig config, Store store, Path jobDirectory, Launcher launcher,
                 Map<String, BuiltInAlgorithm> builtIns, TuningListener listener, Clock clock, int cores) throws Exception {
        this.config = config;
        this.store = store;
        this.jobDirectory = jobDirectory;
        this.launcher = launcher;
        this.listener = listener;
        this.clock = clock;
        this.metrics = CompiledMetric.compileAll(config.metricDefinitions(), "MetricDefinitions");
        for (MetricDefinition definition : config.metricDefinitions()) {
            finalValueRules.put(definition.name(), definition.finalValue());
        }
        this.completionWatch = new CompletionWatch(CompletionCriteriaFactory.create(config.completionCriteria()),
                config.objective().type(), config.limits().maxRuntimeSeconds());
        this.requests = new TrainingJobRequests(config, builtIns, cores);
        this.retries = new RetryPolicy(config.maxRetryAttempts(), config.maxRuntimePerJobSeconds());
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
        schedule = schedule(seed);
        Files.deleteIfExists(jobDirectory.resolve(STOP_REQUEST_FILE));
        state = new TuningJob(config.name(), TuningJobStatus.InProgress, start, null, start, null, null, seed,
                Counters.NONE, null, config.request());
        store.save(state);
        if (config.warmStart() != null) {
            store.saveWarmStartParents(config.warmStart().parents());
        }
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
        schedule = schedule(previous.randomSeed());
        Files.deleteIfExists(jobDirectory.resolve(STOP_REQUEST_FILE));
        ResumePlan plan = ResumePlan.of(store.trainingJobs());
        for (TrainingJob job : plan.kept()) {
            jobs.put(job.name(), job);
        }
        schedule.resumeWith(plan.rerun(), plan.nextIndex());
        completionWatch.resumeWith(plan.objectivesInEndOrder());
        for (TrainingJob job : plan.rerun()) {
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
        return ResumePlan.resumable(config, store, jobDirectory);
    }

    private JobSchedule schedule(long seed) {
        return new JobSchedule(StrategyFactory.create(config, seed), config.strategy(), config.limits().maxTrainingJobs(), jobs::trials);
    }

    private TuningJob loop() throws IOException, InterruptedException {
        earlyStopping = EarlyStoppings.forConfig(config)
                .map(rule -> new EarlyStoppingMonitor(rule, config.objective().metricName(), config.objective().type(), stopGrace,
                        running.view()))
                .orElse(null);
        if (earlyStopping != null) {
            jobs.values().forEach(earlyStopping::finished);
        }
        ProgressSaver progress = new ProgressSaver(store, clock, progressInterval);
        try {
            String endReason = null;
            RunningTrainingJob.StopCause stopCause = RunningTrainingJob.StopCause.REQUESTED;
            while (true) {
                if (!stopRequested && Files.exists(jobDirectory.resolve(STOP_REQUEST_FILE))) {
                    stopRequested = true;
                }
                if (stopRequested) {
                    break;
                }
                Optional<String> pastRuntime = completionWatch.runtimeLimitReached(start, clock.instant());
                if (pastRuntime.isPresent()) {
                    endReason = pastRuntime.get();
                    stopCause = RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED;
                    break;
                }
                completion = completionWatch.criterionMet(clock.instant()).orElse(null);
                if (completion != null) {
                    endReason = completion.reason();
                    stopCause = RunningTrainingJob.StopCause.TUNING_JOB_COMPLETED;
                    break;
                }
                while (running.size() < config.limits().maxParallelTrainingJobs()) {
                    Optional<JobSchedule.Next> next = schedule.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    start(next.get().index(), next.get().tunedHyperParameters());
                }
                if (running.isEmpty() && !schedule.rerunsWaiting()) {
                    completion = completionWatch.criterionMet(clock.instant()).orElse(null);
                    endReason = completion != null ? completion.reason() : schedule.endReason();
                    break;
                }
                RunningAttempts.Ended next = running.nextEnded(POLL_MILLIS);
                while (next != null) {
                    finish(next);
                    next = running.nextEndedNow();
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
            running.abandon(stopGrace);
            throw e;
        }
    }

    private void start(int index, Map<String, String> tuned) throws IOException {
        String name = TrainingJobNames.name(config.name(), index, tuned, state.randomSeed());
        Path directory = store.trainingJobDirectory(name);
        if (Files.exists(directory)) {
            // an interrupted run's leftovers (partial model, log): the re-run starts clean
            DirectoryTree.delete(directory);
        }
        TrainingJob job = TrainingJob.started(name, index, tuned, clock.instant());
        retries.firstAttemptStarts(name, clock.instant()).ifPresent(allAttempts ->
                // one timer for all attempts of the job, as StoppingCondition.MaxRuntimeInSeconds covers them together
                Timeouts.schedule(allAttempts, () -> {
                    RunningTrainingJob current = running.get(name);
                    if (current != null) {
                        current.stop(RunningTrainingJob.StopCause.MAX_RUNTIME, stopGrace);
                    }
                }));
        launchAttempt(job);
        listener.trainingJobStarted(state, job);
    }

    private void launchAttempt(TrainingJob job) throws IOException {
        jobs.put(job.name(), job);
        store.save(job);
        RunningTrainingJob run = new RunningTrainingJob(job, new MetricExtractor(metrics), config.objective().metricName(),
                earlyStopping == null ? r -> { } : earlyStopping::onObjectiveValue);
        running.add(run);
        try {
            run.attach(launcher.launch(requests.prepare(job, store.trainingJobDirectory(job.name())), run));
        } catch (IOException | RuntimeException e) {
            running.remove(job.name());
            TrainingJob failed = job.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null,
                    "the training job could not start: " + e.getMessage(), Map.of(), Map.of(), clock.instant(), null);
            ended(failed, true);
            return;
        }
        running.watch(run);
        updateState();
    }

    private void finish(RunningAttempts.Ended ended) throws IOException {
        RunningTrainingJob run = ended.run();
        running.remove(run.started.name());
        if (earlyStopping != null) {
            earlyStopping.forget(run);
        }
        TrainingJob outcome = TrainingJobOutcome.of(run, config.objective().metricName(), finalValueRules, ended.exitCode(),
                config.maxRuntimePerJobSeconds(), clock.instant());
        ended(outcome, run.stopCause() == RunningTrainingJob.StopCause.NONE && ended.exitCode() != 0);
    }

    /**
     * An attempt ended: either its record is final, or RetryStrategy runs the job again. A failed
     * attempt that will be retried is recorded first, awaiting its retry (a RetryableError), so that a
     * stop or the tuner's death before the next attempt starts leaves a record a resume runs again.
     */
    private void ended(TrainingJob attempt, boolean processFailed) throws IOException {
        if (!retries.retries(attempt, processFailed, clock.instant())) {
            record(attempt);
            return;
        }
        TrainingJob awaiting = attempt.awaitingItsRetry();
        jobs.put(awaiting.name(), awaiting);
        store.save(awaiting);
        updateState();
        listener.trainingJobRetrying(state, awaiting);
        if (stopRequested) {
            return; // the stop wins; the record says the retry is owed, and a resume runs it
        }
        Path log = store.trainingJobDirectory(attempt.name()).resolve(ScriptModeContract.LOG_FILE);
        Files.createDirectories(log.getParent());
        Files.writeString(log, retries.attemptNote(attempt), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        launchAttempt(attempt.retried(attempt.attemptCount() + 1));
    }

    private void record(TrainingJob job) throws IOException {
        jobs.put(job.name(), job);
        retries.ended(job.name());
        store.save(job);
        if (job.hasObjective()) {
            completionWatch.objectiveRecorded(job.finalObjective());
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
        running.stopEach(cause, stopGrace);
        long waitMillis = Math.max(1000, stopGrace.toMillis() * 3);
        while (!running.isEmpty()) {
            RunningAttempts.Ended next = running.nextEnded(waitMillis);
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
        for (TrainingJob waiting : schedule.drainReruns()) {
            record(waiting.finished(TrainingJobStatus.Stopped, ObjectiveStatus.Failed, null, TrainingJobOutcome.STOPPED_BY_REQUEST,
                    Map.of(), Map.of(), clock.instant(), null));
        }
        state = TuningJobEnd.of(state, stopRequested, reason, completion, jobs, config.objective().metricName(), clock.instant());
        store.save(state);
        listener.ended(state);
        return state;
    }
}
