package dev.hpo.cli;

import dev.hpo.engine.describe.ResultFile;
import dev.hpo.engine.launch.LocalLauncher;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.store.TunerLockHeldException;
import dev.hpo.engine.tuner.Tuner;
import dev.hpo.engine.tuner.TunerlessStop;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hpo stop <job directory> [--wait]}: asks the running tuner to stop its training jobs and end
 * as Stopped (Stopping meanwhile); with --wait, returns once it has. A tuning job whose tuner died is
 * stopped here and now: its leftover processes end and its records say Stopped.
 */
final class StopCommand implements Command {
    private static final long WAIT_POLL_MILLIS = 200;
    private final PrintStream out;
    private final PrintStream err;

    StopCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return "stop <job directory> [--wait]   stop a running tuning job, or one whose tuner died (its training jobs end as Stopped)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("wait");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        Optional<Long> owner = TunerLock.liveOwner(store.directory());
        if (owner.isEmpty()) {
            return stopWithoutTuner(store);
        }
        Files.writeString(store.directory().resolve(Tuner.STOP_REQUEST_FILE), "stop\n");
        out.println("Stop requested; the tuner (process " + owner.get() + ") is stopping its training jobs.");
        if (!arguments.flag("wait")) {
            return 0;
        }
        while (TunerLock.liveOwner(store.directory()).isPresent()) {
            Thread.sleep(WAIT_POLL_MILLIS);
        }
        TuningJob job = store.tuningJob().orElseThrow();
        out.println("Tuning job " + job.name() + " is " + job.status() + "; " + job.counters().stopped() + " training jobs Stopped.");
        return 0;
    }

    /** The tuner died (or the job already ended): no one reads a stop request, so the stop is done here. */
    private int stopWithoutTuner(DirectoryStore store) throws Exception {
        Optional<TuningJob> found = store.tuningJob();
        if (found.isPresent() && found.get().status().terminal()) {
            out.println("Tuning job " + found.get().name() + " has already ended (" + found.get().status() + "); nothing to stop.");
            return 0;
        }
        TunerlessStop.Outcome outcome;
        try {
            outcome = TunerlessStop.stop(store, store.directory(), new LocalLauncher(), Clock.systemUTC());
        } catch (TunerLockHeldException startedMeanwhile) {
            err.println("error: a tuner took the tuning job over just now: " + startedMeanwhile.getMessage());
            return 2;
        }
        TuningJob job = outcome.tuningJob();
        if (outcome.alreadyEnded()) {
            out.println("Tuning job " + job.name() + " has already ended (" + job.status() + "); nothing to stop.");
            return 0;
        }
        ResultFile.write(store.directory(), job);
        out.println("No tuner was running " + store.directory() + " (it had died): " + outcome.trainingJobsStopped()
                + " interrupted training jobs ended and recorded Stopped; tuning job " + job.name() + " is Stopped.");
        out.println("Continue it with: hpo tune <config> --output <dir> --resume");
        return 0;
    }
}
