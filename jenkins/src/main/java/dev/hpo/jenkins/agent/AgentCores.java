package dev.hpo.jenkins.agent;

import hudson.remoting.VirtualChannel;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/** The agent's processor count: the tuner shares it out among parallel training jobs as threads per job. */
public final class AgentCores extends MasterToSlaveFileCallable<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer invoke(File workspace, VirtualChannel channel) {
        return Runtime.getRuntime().availableProcessors();
    }
}
