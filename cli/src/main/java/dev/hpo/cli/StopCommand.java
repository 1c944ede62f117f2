package dev.hpo.cli;

import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.store.TunerLock;
import dev.hpo.engine.tuner.Tuner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Optional;

/** {@code hpo stop <job directory>}: asks the running tuner to stop its training jobs and end as Stopped. */
final class StopCommand implements Command {
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
        return "stop <job directory>   stop a running tuning job (its training jobs end as Stopped)";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        Optional<Long> owner = TunerLock.owner(store.directory());
        if (owner.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
            Files.writeString(store.directory().resolve(Tuner.STOP_REQUEST_FILE), "stop\n");
            out.println("Stop requested; the tuner (process " + owner.get() + ") is stopping its training jobs.");
            return 0;
        }
        out.println("No tuner is running " + store.directory() + "; its status is "
                + store.tuningJob().map(j -> j.status().name()).orElse("unknown") + ".");
        return 1;
    }
}
