package dev.hpo.engine.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.config.Channel;
import dev.hpo.engine.config.Objective;
import dev.hpo.engine.config.ScriptModeVariable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a training job receives its inputs, following SageMaker's script-mode conventions so existing
 * training scripts run unchanged: hyperparameters as {@code --name value} arguments, in
 * {@code input/config/hyperparameters.json} and in {@code SM_HPS}/{@code SM_HP_<NAME>}; channels as
 * {@code SM_CHANNEL_<NAME>}; the model directory as {@code SM_MODEL_DIR}.
 */
public final class ScriptModeContract {
    public static final String MODEL_DIRECTORY = "model";
    public static final String OUTPUT_DIRECTORY = "output";
    public static final String LOG_FILE = "output.log";
    /** SageMaker adds this to every tuned job; scripts may read it, but it is kept off the command line
     *  because argparse rejects arguments a script does not declare. */
    public static final String OBJECTIVE_HYPERPARAMETER = Objective.HYPERPARAMETER;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Prepares the job directory and returns the launch request.
     *
     * @param hyperParameters every hyperparameter of the job (static, tuned and internal), in order
     */
    public LaunchRequest prepare(String trainingJobName, Path jobDirectory, List<String> program,
                                 Map<String, String> hyperParameters, List<Channel> channels,
                                 Map<String, String> userEnvironment) throws IOException {
        Path model = Files.createDirectories(jobDirectory.resolve(MODEL_DIRECTORY));
        Path output = Files.createDirectories(jobDirectory.resolve(OUTPUT_DIRECTORY));
        Path configDirectory = Files.createDirectories(jobDirectory.resolve("input").resolve("config"));
        Files.write(configDirectory.resolve("hyperparameters.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(hyperParameters));

        List<String> command = new ArrayList<>(program);
        for (Map.Entry<String, String> entry : hyperParameters.entrySet()) {
            if (!entry.getKey().startsWith("_")) {
                command.add("--" + entry.getKey());
                command.add(entry.getValue());
            }
        }

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SM_HPS", json.writeValueAsString(hyperParameters));
        for (Map.Entry<String, String> entry : hyperParameters.entrySet()) {
            environment.put(ScriptModeVariable.hyperParameter(entry.getKey()), entry.getValue());
        }
        List<String> channelNames = new ArrayList<>();
        for (Channel channel : channels) {
            environment.put(ScriptModeVariable.channel(channel.name()), channel.path().toString());
            channelNames.add(channel.name());
        }
        environment.put("SM_CHANNELS", json.writeValueAsString(channelNames));
        environment.put("SM_MODEL_DIR", model.toString());
        environment.put("SM_OUTPUT_DATA_DIR", output.toString());
        environment.put("SM_OUTPUT_DIR", output.toString());
        environment.put("SM_INPUT_CONFIG_DIR", configDirectory.toString());
        environment.put("SM_CURRENT_HOST", "algo-1");
        environment.put("SM_HOSTS", "[\"algo-1\"]");
        environment.put("SM_TRAINING_JOB_NAME", trainingJobName);
        environment.putAll(userEnvironment);
        return new LaunchRequest(trainingJobName, command, jobDirectory, environment, jobDirectory.resolve(LOG_FILE));
    }
}
