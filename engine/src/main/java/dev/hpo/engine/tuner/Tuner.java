package dev.hpo.engine.tuner;

import dev.hpo.engine.config.BuiltInAlgorithm;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.launch.LaunchRequest;
import dev.hpo.engine.launch.Launcher;
import dev.hpo.engine.launch.ScriptModeContract;
import dev.hpo.engine.metric.CompiledMetric;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tuning loop: asks the strategy for hyperparameters whenever a slot is free, has the launcher
 * run the training job, records how it ended, and stops when the budget is spent. It is the only
 * writer of the store while it runs; everything else reads.
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
    private final ScriptModeContract contract = new ScriptModeContract();

    private final TrainingJobBook jobs;
    private final Map<String, RunningTrainingJob> running = new LinkedHashMap<>();
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private volatile boolean stopRequested;
    private TuningJob state;
    private Strategy strategy;

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
        this.jobs = new TrainingJobBook(config.objective().type());
    }

    /** Asks the loop to stop every training job and end as Stopped; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    public TuningJob run() throws IOException, InterruptedException {
        Instant start = clock.instant();
        long seed = config.randomSeed() != null ? config.randomSeed() : new SecureRandom().nextLong() & Long.MAX_VALUE;
        strategy = StrategyFactory.create(config, seed);
        Files.deleteIfExists(jobDirectory.resolve(STOP_REQUEST_FILE));
        state = new TuningJob(config.name(), TuningJobStatus.InProgress, start, null, start, null, null, seed,
                Counters.NONE, null, config.request());
        store.save(state);

        int launchedCount = 0;
        boolean exhausted = false;
        String endReason = null;
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
                break;
            }
            while (!exhausted && running.size() < config.limits().maxParallelTrainingJobs()
                    && launchedCount < config.limits().maxTrainingJobs()) {
                Optional<Map<String, String>> next = strategy.suggest(launchedCount, trials());
                if (next.isEmpty()) {
                    exhausted = true;
                    break;
                }
                start(launchedCount++, next.get());
            }
            if (running.isEmpty()) {
                endReason = exhausted && launchedCount < config.limits().maxTrainingJobs()
                        ? "the " + config.strategy() + " strategy tried every combination (" + launchedCount + " training jobs)"
                        : "MaxNumberOfTrainingJobs (" + config.limits().maxTrainingJobs() + ") reached";
                break;
            }
            Ended next = ended.poll(250, TimeUnit.MILLISECONDS);
            while (next != null) {
                finish(next);
                next = ended.poll();
            }
            listener.tick(state, running.size());
        }
        if (!running.isEmpty()) {
            stopAll();
        }
        return end(endReason);
    }

    private List<Trial> trials() {
        return jobs.trials();
    }

    private void start(int index, Map<String, String> tuned) throws IOException {
        String name = TrainingJobNames.name(config.name(), index, tuned, state.randomSeed());
        TrainingJob job = TrainingJob.started(name, index, tuned, clock.instant());
        RunningTrainingJob run = new RunningTrainingJob(job, new MetricExtractor(metrics));
        jobs.put(name, job);
        store.save(job);
        try {
            LaunchRequest request = contract.prepare(name, store.trainingJobDirectory(name), command(),
                    hyperParameters(tuned), config.channels(), environment());
            run.attach(launcher.launch(request, run));
        } catch (IOException | RuntimeException e) {
            record(job.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null,
                    "the training job could not start: " + e.getMessage(), Map.of(), Map.of(), clock.instant(), null));
            return;
        }
        running.put(name, run);
        run.launched().exit().whenComplete((code, error) -> ended.add(new Ended(run, code == null ? -1 : code)));
        if (config.maxRuntimePerJobSeconds() > 0) {
            Timeouts.schedule(Duration.ofSeconds(config.maxRuntimePerJobSeconds()), run.launched().exit(), () -> {
                if (!run.launched().exit().isDone()) {
                    run.markStopped(RunningTrainingJob.StopCause.MAX_RUNTIME);
                    run.launched().stop(STOP_GRACE);
                }
            });
        }
        updateState();
        listener.trainingJobStarted(state, job);
    }

    private void finish(Ended ended) throws IOException {
        RunningTrainingJob run = ended.run();
        running.remove(run.started.name());
        record(TrainingJobOutcome.of(run, config.objective().metricName(), ended.exitCode(),
                config.maxRuntimePerJobSeconds(), clock.instant()));
    }

    private void record(TrainingJob job) throws IOException {
        jobs.put(job.name(), job);
        store.save(job);
        updateState();
        listener.trainingJobEnded(state, job);
    }

    private void stopAll() throws IOException, InterruptedException {
        state = state.with(TuningJobStatus.Stopping, state.counters(), state.bestTrainingJob(), clock.instant());
        store.save(state);
        for (RunningTrainingJob run : running.values()) {
            run.markStopped(RunningTrainingJob.StopCause.REQUESTED);
            run.launched().stop(STOP_GRACE);
        }
        while (!running.isEmpty()) {
            Ended next = ended.poll(STOP_GRACE.toMillis() * 3, TimeUnit.MILLISECONDS);
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
