package dev.hpo.jenkins.agent;

import dev.hpo.engine.config.PathChecks;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The config's paths checked on the agent that will run the training jobs: data files, the program and
 * its scripts must exist there, not on the controller that parses the step.
 */
public final class AgentPathChecks implements PathChecks {
    private final VirtualChannel channel;
    private final String searchPath;

    /** @param searchPath the agent's PATH from the step's environment (null: none) */
    public AgentPathChecks(VirtualChannel channel, String searchPath) {
        this.channel = channel;
        this.searchPath = searchPath;
    }

    @Override
    public boolean exists(Path path) {
        return ask(path, Kind.EXISTS);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return ask(path, Kind.REGULAR_FILE);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return ask(path, Kind.EXECUTABLE_FILE);
    }

    @Override
    public List<String> searchPath() {
        // agents that run training jobs are Unix machines (the built-in's classpath uses ':' too)
        return searchPath == null ? List.of() : List.of(searchPath.split(":"));
    }

    private boolean ask(Path path, Kind kind) {
        try {
            return new FilePath(channel, path.toString()).act(new Check(kind));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    enum Kind { EXISTS, REGULAR_FILE, EXECUTABLE_FILE }

    private static final class Check extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final Kind kind;

        Check(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Boolean invoke(File file, VirtualChannel channel) {
            return switch (kind) {
                case EXISTS -> file.exists();
                case REGULAR_FILE -> file.isFile();
                case EXECUTABLE_FILE -> file.isFile() && file.canExecute();
            };
        }
    }
}
