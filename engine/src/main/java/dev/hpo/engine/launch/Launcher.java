package dev.hpo.engine.launch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs training jobs. The tuner knows only this; the local launcher starts child processes, the
 * simulated one replays scripted logs in tests, and the Jenkins plugin runs them on an agent.
 */
public interface Launcher {
    LaunchedJob launch(LaunchRequest request, OutputListener listener) throws IOException;

    /**
     * Ends whatever an earlier tuner (one that died) left running for the training job in this
     * directory, before the job is run again on resume. Launchers without processes have nothing to do.
     */
    default void reclaim(Path trainingJobDirectory) throws IOException {
    }
}
