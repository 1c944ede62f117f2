package dev.hpo.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TuningJob;
import dev.hpo.engine.store.DirectoryStore;
import dev.hpo.engine.validation.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads WarmStartConfig and checks each parent against SageMaker's rules before any training job
 * starts: at most 5 parents, each a finished tuning job (Completed, Stopped or Failed) with the same
 * objective; the same number of hyperparameters (static plus tuned), each tuned one keeping its type;
 * at most 10 changes (a tuned hyperparameter made static, or a static value changed). With
 * IdenticalDataAndAlgorithm the algorithm and the input data must also be the parents'.
 * A parent is named by HyperParameterTuningJobName (looked up in this job's output directory) or by
 * a path to its directory.
 */
final class WarmStartReader {
    static final String PATH = "WarmStartConfig";
    static final String TUNING_JOB_FILE = "tuning-job.json";
    private static final int MAX_PARENTS = 5;
    private static final int MAX_CHANGES = 10;
    private static final Set<String> FINISHED = Set.of("Completed", "Stopped", "Failed");

    private final FieldReader reader;
    private final ObjectMapper json = new ObjectMapper();

    WarmStartReader(FieldReader reader) {
        this.reader = reader;
    }

    WarmStart read(JsonNode root, Path base, Path output, JsonNode current) {
        JsonNode node = reader.object(root, PATH, "", false);
        if (node == null) {
            return null;
        }
        reader.checkFields(node, PATH, Set.of("ParentHyperParameterTuningJobs", "WarmStartType"), Set.of());
        if (!node.has("WarmStartType")) {
            reader.problem(PATH + ".WarmStartType", "is required (IdenticalDataAndAlgorithm or TransferLearning)");
        }
        WarmStartType type = reader.choice(node, "WarmStartType", PATH, WarmStartType.class, null);
        List<JsonNode> items = reader.array(node, "ParentHyperParameterTuningJobs", PATH);
        String listPath = PATH + ".ParentHyperParameterTuningJobs";
        if (items.isEmpty()) {
            reader.problem(listPath, "must list 1 to " + MAX_PARENTS + " parent tuning jobs");
            return null;
        }
        if (items.size() > MAX_PARENTS) {
            reader.problem(listPath, "lists " + items.size() + " parent tuning jobs; at most " + MAX_PARENTS + " are allowed");
        }
        List<Path> parents = new ArrayList<>();
        List<WarmStart.Parent> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = listPath + "[" + i + "]";
            reader.checkFields(items.get(i), itemPath, Set.of("HyperParameterTuningJobName"), Set.of());
            String name = reader.text(items.get(i), "HyperParameterTuningJobName", itemPath, true);
            if (name == null) {
                continue;
            }
            Path directory = ParentLocation.of(name, base, output);
            String fieldPath = itemPath + ".HyperParameterTuningJobName";
            if (!Files.isRegularFile(directory.resolve(TUNING_JOB_FILE))) {
                List<String> places = ParentLocation.candidates(name, base, output).stream().map(Path::toString).toList();
                reader.problem(fieldPath, "no tuning job '" + name + "' (looked for " + TUNING_JOB_FILE + " in " + String.join(" and in ", places)
                        + "); give the name of a tuning job in TrainingJobDefinition.OutputDataConfig.S3OutputPath or the path to its directory");
                continue;
            }
            if (directory.getFileName() != null && directory.getFileName().toString().equals(root.path("HyperParameterTuningJobName").asText())) {
                // a tuning job name is unique, as in SageMaker; with --replace the child would also delete what it learns from
                reader.problem(fieldPath, "names " + directory + ", a tuning job of this job's own name; a tuning job cannot be its own parent");
                continue;
            }
            if (parents.contains(directory)) {
                reader.problem(fieldPath, "names the parent " + directory + " twice");
                continue;
            }
            WarmStart.Parent parent = check(directory, fieldPath, type, current);
            if (parent != null) {
                parents.add(directory);
                read.add(parent);
            }
        }
        return type == null ? null : new WarmStart(type, read);
    }

    /** The parent as read, or null when it cannot be a parent (each reason is reported). */
    private WarmStart.Parent check(Path directory, String path, WarmStartType type, JsonNode current) {
        JsonNode parent;
        try {
            parent = json.readTree(Files.readString(directory.resolve(TUNING_JOB_FILE)));
        } catch (IOException e) {
            reader.problem(path, "cannot read " + directory.resolve(TUNING_JOB_FILE) + ": " + e.getMessage());
            return null;
        }
        String status = parent.path("status").asText("");
        if (!FINISHED.contains(status)) {
            reader.problem(path, "the parent " + directory + " is " + (status.isEmpty() ? "in an unknown state" : status)
                    + "; a parent must be Completed, Stopped or Failed");
            return null;
        }
        JsonNode request = parent.path("request");
        if (!request.isObject()) {
            reader.problem(path, "the parent's record " + directory.resolve(TUNING_JOB_FILE)
                    + " lacks its config (the request field), so it cannot be checked against this job");
            return null;
        }
        TuningJob parentJob;
        List<TrainingJob> parentTrainingJobs;
        try {
            // read once, here: a damaged record stops the config, and the search learns from what was read
            DirectoryStore store = new DirectoryStore(directory);
            parentJob = store.tuningJob().orElseThrow(() -> new IOException(directory.resolve(TUNING_JOB_FILE) + " is gone"));
            parentTrainingJobs = store.trainingJobs();
        } catch (IOException e) {
            reader.problem(path, "cannot read the parent " + directory + ": " + e.getMessage());
            return null;
        }
        int before = reader.problems().size();
        JsonNode parentObjective = request.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        JsonNode objective = current.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
        if (!parentObjective.path("MetricName").asText("").equals(objective.path("MetricName").asText(""))
                || !parentObjective.path("Type").asText("").equals(objective.path("Type").asText(""))) {
            reader.problem(path, "the parent's objective (" + parentObjective.path("Type").asText("?") + " "
                    + parentObjective.path("MetricName").asText("?") + ") differs from this job's; warm start needs the same objective");
        }
        Map<String, String> parentTypes = tunedTypes(request);
        Map<String, String> types = tunedTypes(current);
        Map<String, String> parentStatics = statics(request);
        Map<String, String> statics = statics(current);
        int parentCount = parentTypes.size() + parentStatics.size();
        int count = types.size() + statics.size();
        if (parentCount != count) {
            reader.problem(path, "the parent has " + parentCount + " hyperparameters (static plus tuned) and this job " + count
                    + "; warm start keeps the total the same");
        }
        int changes = 0;
        for (Map.Entry<String, String> tuned : types.entrySet()) {
            String parentType = parentTypes.get(tuned.getKey());
            if (parentType != null && !parentType.equals(tuned.getValue())) {
                reader.problem(path, "hyperparameter '" + tuned.getKey() + "' is " + Article.before(parentType) + " range in the parent and "
                        + Article.before(tuned.getValue()) + " range here; warm start keeps each hyperparameter's type");
            }
        }
        for (Map.Entry<String, String> stat : statics.entrySet()) {
            if (parentTypes.containsKey(stat.getKey())) {
                changes++;
            } else if (parentStatics.containsKey(stat.getKey()) && !parentStatics.get(stat.getKey()).equals(stat.getValue())) {
                changes++;
            }
        }
        if (changes > MAX_CHANGES) {
            reader.problem(path, changes + " hyperparameters changed from the parent (tuned made static, or static values changed); "
                    + "at most " + MAX_CHANGES + " are allowed");
        }
        if (type == WarmStartType.IdenticalDataAndAlgorithm) {
            JsonNode parentDefinition = request.path("TrainingJobDefinition");
            JsonNode definition = current.path("TrainingJobDefinition");
            if (!Objects.equals(parentDefinition.path("AlgorithmSpecification"), definition.path("AlgorithmSpecification"))) {
                reader.problem(path, "TrainingJobDefinition.AlgorithmSpecification differs from the parent's; IdenticalDataAndAlgorithm "
                        + "needs the same algorithm (use TransferLearning when it changed)");
            }
            if (!channels(parentDefinition).equals(channels(definition))) {
                reader.problem(path, "TrainingJobDefinition.InputDataConfig differs from the parent's (" + channels(parentDefinition)
                        + " against " + channels(definition) + "); IdenticalDataAndAlgorithm needs the same data "
                        + "(use TransferLearning when it changed)");
            }
        }
        return reader.problems().size() == before ? new WarmStart.Parent(directory, parentJob, parentTrainingJobs) : null;
    }

    /**
     * Each channel as name, content type and file name: the parent's config may have named the same
     * files relative to another directory, so whole paths would differ where the data do not.
     */
    static List<String> channels(JsonNode definition) {
        List<String> channels = new ArrayList<>();
        for (JsonNode channel : definition.path("InputDataConfig")) {
            JsonNode source = channel.path("DataSource");
            String location = source.path("S3DataSource").path("S3Uri").asText(source.path("FileSystemDataSource").path("DirectoryPath").asText(""));
            String file = location.replaceAll("/+$", "");
            file = file.substring(file.lastIndexOf('/') + 1);
            channels.add(channel.path("ChannelName").asText() + " " + channel.path("ContentType").asText("") + " " + file);
        }
        return channels;
    }

    /** Tuned hyperparameter names to their range kind, read from a request as written. */
    static Map<String, String> tunedTypes(JsonNode request) {
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode ranges = request.path("HyperParameterTuningJobConfig").path("ParameterRanges");
        for (String kind : List.of("Continuous", "Integer", "Categorical")) {
            for (JsonNode range : ranges.path(kind + "ParameterRanges")) {
                types.put(range.path("Name").asText(), kind.toLowerCase());
            }
        }
        return types;
    }

    static Map<String, String> statics(JsonNode request) {
        Map<String, String> statics = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = request.path("TrainingJobDefinition").path("StaticHyperParameters").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            statics.put(field.getKey(), field.getValue().asText());
        }
        return statics;
    }
}
