package dev.hpo.engine.launch;

import java.io.IOException;

/**
 * Runs training jobs. The tuner knows only this; the local launcher starts child processes, the
 * simulated one replays scripted logs in tests, and the Jenkins plugin runs them on an agent.
 */
public interface Launcher {
    LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException;
}
