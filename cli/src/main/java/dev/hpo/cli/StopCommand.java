package dev.hpo.cli;

import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.tuner.Tuner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hpo stop <job directory> [--wait]}: asks the running tuner to stop its training jobs and end
 * as Stopped (Stopping meanwhile); with --wait, returns once it has.
 */
final class StopCommand implements Command {
    private static final long WAIT_POLL_MILLIS = 200;
    private final PrintStream out;

    StopCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return "stop <job directory> [--wait]   stop a running tuning job (its training jobs end as Stopped)";
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
            String status = store.tuningJob().map(j -> j.status().name()).orElse("unknown");
            out.println("No tuner is running " + store.directory() + "; its status is " + status + "."
                    + (status.equals("InProgress") || status.equals("Stopping")
                    ? " Its tuner died; continue it with: hpo tune <config> --output <dir> --resume" : ""));
            return 1;
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
}
