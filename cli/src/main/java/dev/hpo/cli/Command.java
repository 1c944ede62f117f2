package dev.hpo.cli;

import java.util.Set;

/** One verb of the command line. */
interface Command {
    String name();

    String usage();

    default Set<String> valueOptions() {
        return Set.of();
    }

    default Set<String> flags() {
        return Set.of();
    }

    /** @return the process exit code */
    int run(Arguments arguments) throws Exception;
}
