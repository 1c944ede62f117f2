package dev.hpo.engine.config;

import dev.hpo.engine.validation.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.FinalValue;
import dev.hpo.engine.metric.MetricDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads TrainingJobDefinition: the algorithm, its metric definitions, data channels and limits. */
final class TrainingDefinitionReader {
    static final String PATH = "TrainingJobDefinition";
    private static final String ALGORITHM = PATH + ".AlgorithmSpecification";

    private final FieldReader reader;
    private final Path base;
    private final Map<String, BuiltInAlgorithm> builtIns;
    private final PathChecks paths;

    TrainingDefinitionReader(FieldReader reader, Path base, Map<String, BuiltInAlgorithm> builtIns, PathChecks paths) {
        this.reader = reader;
        this.base = base;
        this.builtIns = builtIns;
        this.paths = paths;
    }

    Algorithm algorithm(JsonNode definition) {
        JsonNode spec = reader.object(definition, "AlgorithmSpecification", PATH, true);
        if (spec == null) {
            return null;
        }
        reader.checkFields(spec, ALGORITHM, Set.of("AlgorithmName", "ContainerEntrypoint", "ContainerArguments", "MetricDefinitions"),
                Set.of("TrainingImage", "TrainingInputMode"));
        String name = reader.text(spec, "AlgorithmName", ALGORITHM, false);
        List<String> entrypoint = strings(spec, "ContainerEntrypoint", ALGORITHM);
        List<String> arguments = strings(spec, "ContainerArguments", ALGORITHM);
        if (name != null && !entrypoint.isEmpty()) {
            reader.problem(ALGORITHM, "give either AlgorithmName (a built-in algorithm) or ContainerEntrypoint (a command), not both");
            return null;
        }
        if (name != null) {
            if (!builtIns.containsKey(name)) {
                reader.problem(ALGORITHM + ".AlgorithmName", "'" + name + "' is not a built-in algorithm; built-in: "
                        + String.join(", ", builtIns.keySet()) + " (or run any program with ContainerEntrypoint)");
                return null;
            }
            if (!arguments.isEmpty()) {
                reader.problem(ALGORITHM + ".ContainerArguments", "applies to ContainerEntrypoint only, not to a built-in algorithm");
            }
            return Algorithm.builtIn(name);
        }
        if (entrypoint.isEmpty()) {
            reader.problem(ALGORITHM, "names no algorithm: set AlgorithmName (built-in: " + String.join(", ", builtIns.keySet())
                    + ") or ContainerEntrypoint (the command to run, as a list of strings)");
            return null;
        }
        List<String> command = new ArrayList<>();
        String program = entrypoint.get(0);
        Path programPath = findProgram(program);
        if (programPath == null) {
            reader.problem(ALGORITHM + ".ContainerEntrypoint[0]", program.contains("/")
                    ? "program '" + program + "' does not exist or is not executable (relative paths start at " + base + ")"
                    : "command '" + program + "' was not found on the PATH");
            return null;
        }
        command.add(program.contains("/") ? programPath.toString() : program);
        // the job runs in its own directory, so a script named relative to the config must be made absolute
        for (String argument : entrypoint.subList(1, entrypoint.size())) {
            command.add(absoluteIfFile(argument));
        }
        for (String argument : arguments) {
            command.add(absoluteIfFile(argument));
        }
        return Algorithm.program(command);
    }

    List<MetricDefinition> metricDefinitions(JsonNode definition) {
        JsonNode spec = definition == null ? null : definition.get("AlgorithmSpecification");
        String path = ALGORITHM + ".MetricDefinitions";
        List<JsonNode> items = reader.array(spec, "MetricDefinitions", ALGORITHM);
        List<MetricDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            // FinalValue is ours (SageMaker always takes the last value); see docs/dependability.md
            reader.checkFields(items.get(i), itemPath, Set.of("Name", "Regex", "FinalValue"), Set.of());
            if (!items.get(i).isObject()) {
                reader.problem(itemPath, "must be an object with Name and Regex");
                continue;
            }
            String name = reader.text(items.get(i), "Name", itemPath, true);
            String regex = reader.text(items.get(i), "Regex", itemPath, false);
            FinalValue finalValue = reader.choice(items.get(i), "FinalValue", itemPath, FinalValue.class, FinalValue.Last);
            definitions.add(new MetricDefinition(name == null ? "" : name, regex, finalValue));
        }
        if (definitions.size() > 40) {
            reader.problem(path, "has " + definitions.size() + " definitions; at most 40 are allowed");
        }
        try {
            CompiledMetric.compileAll(definitions, path);
        } catch (ConfigException e) {
            e.problems().forEach(p -> reader.problem(p.fieldPath(), p.message()));
        }
        return definitions;
    }

    List<Channel> channels(JsonNode definition) {
        List<JsonNode> items = reader.array(definition, "InputDataConfig", PATH);
        List<Channel> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> byVariable = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = PATH + ".InputDataConfig[" + i + "]";
            JsonNode item = items.get(i);
            reader.checkFields(item, path, Set.of("ChannelName", "DataSource", "ContentType"),
                    Set.of("CompressionType", "RecordWrapperType", "InputMode", "ShuffleConfig"));
            String name = reader.text(item, "ChannelName", path, true);
            String contentType = reader.text(item, "ContentType", path, false);
            JsonNode source = reader.object(item, "DataSource", path, true);
            String location = location(source, path + ".DataSource");
            if (name == null || location == null) {
                continue;
            }
            if (!name.matches("[A-Za-z0-9\\.\\-_]+")) {
                reader.problem(path + ".ChannelName", "'" + name + "' may hold only letters, digits, '.', '-' and '_'");
                continue;
            }
            if (!names.add(name)) {
                reader.problem(path + ".ChannelName", "channel '" + name + "' is declared twice");
                continue;
            }
            // the job would see one SM_CHANNEL_ variable for both, pointing at only one of the two
            String earlier = byVariable.putIfAbsent(ScriptModeVariable.channel(name), name);
            if (earlier != null) {
                reader.problem(path + ".ChannelName", "channels '" + earlier + "' and '" + name + "' both become the environment variable "
                        + ScriptModeVariable.channel(name) + "; rename one of them");
                continue;
            }
            channels.add(new Channel(name, LocalPaths.resolve(base, location), contentType));
        }
        return channels;
    }

    private String location(JsonNode source, String path) {
        if (source == null) {
            return null;
        }
        reader.checkFields(source, path, Set.of("S3DataSource", "FileSystemDataSource"), Set.of());
        String locationPath;
        String location;
        JsonNode s3 = source.get("S3DataSource");
        if (s3 != null) {
            locationPath = path + ".S3DataSource.S3Uri";
            reader.checkFields(s3, path + ".S3DataSource", Set.of("S3Uri"),
                    Set.of("S3DataType", "S3DataDistributionType", "AttributeNames", "InstanceGroupNames"));
            location = reader.text(s3, "S3Uri", path + ".S3DataSource", true);
        } else if (source.get("FileSystemDataSource") != null) {
            JsonNode fs = source.get("FileSystemDataSource");
            locationPath = path + ".FileSystemDataSource.DirectoryPath";
            reader.checkFields(fs, path + ".FileSystemDataSource", Set.of("DirectoryPath"),
                    Set.of("FileSystemId", "FileSystemAccessMode", "FileSystemType"));
            location = reader.text(fs, "DirectoryPath", path + ".FileSystemDataSource", true);
        } else {
            reader.problem(path, "needs S3DataSource.S3Uri (a local path or file:// URI)");
            return null;
        }
        if (location == null) {
            return null;
        }
        if (LocalPaths.isRemote(location)) {
            reader.problem(locationPath, "'" + location + "' is remote; give a local path or a file:// URI");
            return null;
        }
        Path resolved = LocalPaths.resolve(base, location);
        if (!paths.exists(resolved)) {
            reader.problem(locationPath, "data file or directory '" + resolved + "' does not exist");
            return null;
        }
        return location;
    }

    private List<String> strings(JsonNode parent, String field, String path) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = reader.array(parent, field, path);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isValueNode() || item.isNull()) {
                reader.problem(path + "." + field + "[" + i + "]", "must be a string");
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private Path findProgram(String program) {
        if (program.isBlank()) {
            return null;
        }
        if (program.contains("/")) {
            Path path = LocalPaths.resolve(base, program);
            return paths.isExecutableFile(path) ? path : null;
        }
        for (String directory : paths.searchPath()) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (paths.isExecutableFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private String absoluteIfFile(String argument) {
        if (argument.isEmpty() || argument.startsWith("-") || argument.startsWith("/") || argument.contains("\n")) {
            return argument;
        }
        try {
            Path candidate = base.resolve(argument).normalize();
            return paths.isRegularFile(candidate) ? candidate.toString() : argument;
        } catch (RuntimeException invalidPath) {
            return argument;
        }
    }
}
