package dev.hpo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.engine.config.ConfigParser;
import dev.hpo.engine.config.TuningJobConfig;
import dev.hpo.engine.metric.CompiledMetric;
import dev.hpo.engine.metric.FinalValue;
import dev.hpo.engine.metric.LogLineNormalizer;
import dev.hpo.engine.metric.LogLineSplitter;
import dev.hpo.engine.metric.MetricDefinition;
import dev.hpo.engine.metric.MetricExtractor;
import dev.hpo.engine.metric.MetricSeries;
import dev.hpo.engine.metric.ObjectiveVerdict;
import dev.hpo.engine.store.Json;
import dev.hpo.engine.validation.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code hpo test-metrics <config.json> <logfile> [--json]}: a dry run of the config's metric
 * definitions over a log, line by line, exactly as the tuner would scrape it (same splitting,
 * normalization, regex budget and final value rule), so a regex is debugged in seconds without a
 * tuning job.
 */
final class TestMetricsCommand implements Command {
    private static final int SHOWN_LINE_CHARS = 160;
    private static final String CAP = LogLineSplitter.describeCap(LogLineSplitter.DEFAULT_MAX_LINE_CHARS);
    private final PrintStream out;
    private final PrintStream err;

    TestMetricsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "test-metrics";
    }

    @Override
    public String usage() {
        return "test-metrics <config.json> <logfile> [--json]   show what each metric definition captures from a log (a dry run)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    /** What one line gave each metric. */
    private record LineCaptures(long number, String text, Map<String, String> captures, boolean cut) {
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path configFile = Path.of(arguments.positional(0, "the tuning job config (a JSON file)"));
        Path logFile = Path.of(arguments.positional(1, "the log file to test the metric definitions on"));
        arguments.expectPositional(2);
        TuningJobConfig config;
        try {
            config = new ConfigParser(BuiltInAlgorithms.all()).parse(configFile);
        } catch (ConfigException e) {
            err.println("error: " + configFile + ": " + e.getMessage());
            return 2;
        }
        List<CompiledMetric> metrics = CompiledMetric.compileAll(config.metricDefinitions(), "MetricDefinitions");
        Map<String, FinalValue> rules = new LinkedHashMap<>();
        for (MetricDefinition definition : config.metricDefinitions()) {
            rules.put(definition.name(), definition.finalValue());
        }
        MetricExtractor extractor = new MetricExtractor(metrics);
        List<LineCaptures> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(logFile)) {
            LogLineSplitter.pumpReportingCuts(in, LogLineSplitter.DEFAULT_MAX_LINE_CHARS, (line, cut) -> {
                Map<String, String> captures = capture(extractor, line, cut);
                if (!captures.isEmpty() || cut) {
                    // shown as the regexes saw it: escape codes and backspaces removed
                    lines.add(new LineCaptures(extractor.lineCount(), LogLineNormalizer.normalize(line), captures, cut));
                }
            });
        } catch (NoSuchFileException e) {
            err.println("error: log file " + logFile + " does not exist");
            return 2;
        }
        String objective = config.objective().metricName();
        ObjectiveVerdict verdict = ObjectiveVerdict.decide(objective, extractor, 0, null, rules.getOrDefault(objective, FinalValue.Last));
        if (arguments.flag("json")) {
            out.println(Json.mapper().writeValueAsString(json(config, metrics, rules, extractor, lines, verdict)));
        } else {
            text(config, metrics, rules, extractor, lines, verdict);
        }
        return verdict.succeeded() ? 0 : 1;
    }

    /** Feeds one line and reports, per metric, the value it recorded or why it recorded none. */
    private static Map<String, String> capture(MetricExtractor extractor, String line, boolean cut) {
        Map<String, long[]> before = new LinkedHashMap<>();
        for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
            MetricSeries s = entry.getValue();
            before.put(entry.getKey(), new long[] {s.valueCount(), s.rejectedCount(), s.cutOffCount(), s.truncation().isPresent() ? 1 : 0});
        }
        extractor.onLine(line, cut);
        Map<String, String> captures = new LinkedHashMap<>();
        for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
            MetricSeries s = entry.getValue();
            long[] was = before.get(entry.getKey());
            if (s.valueCount() > was[0]) {
                captures.put(entry.getKey(), Double.toString(s.last().orElse(Double.NaN)));
            } else if (s.rejectedCount() > was[1]) {
                List<MetricSeries.Rejected> samples = s.rejectedSamples();
                captures.put(entry.getKey(), "skipped: captured '" + samples.get(samples.size() - 1).captured() + "', not a number");
            } else if (s.cutOffCount() > was[2]) {
                captures.put(entry.getKey(), "cut off: the regex took too long on this line");
            } else if (s.truncation().isPresent() && was[3] == 0) {
                captures.put(entry.getKey(), "error: " + s.truncation().get().describe(entry.getKey()));
            }
        }
        return captures;
    }

    private void text(TuningJobConfig config, List<CompiledMetric> metrics, Map<String, FinalValue> rules, MetricExtractor extractor,
                      List<LineCaptures> lines, ObjectiveVerdict verdict) {
        out.println("Metric definitions:");
        for (CompiledMetric metric : metrics) {
            out.println("  " + metric.name() + "   /" + metric.regex() + "/" + (metric.isPredefined() ? "  (predefined XGBoost)" : "")
                    + "   final value: " + rules.getOrDefault(metric.name(), FinalValue.Last));
        }
        out.println();
        for (LineCaptures line : lines) {
            out.println("line " + line.number() + ": " + shown(line.text()));
            if (line.cut()) {
                out.println("    (cut: longer than " + CAP + "; only its first " + CAP + " was matched)");
            }
            for (Map.Entry<String, String> capture : line.captures().entrySet()) {
                out.println("    " + capture.getKey() + " = " + capture.getValue());
            }
        }
        out.println();
        long withCapture = lines.stream().filter(l -> !l.captures().isEmpty()).count();
        out.println(extractor.lineCount() + " lines, " + withCapture + " with a capture"
                + (extractor.cutLineCount() == 0 ? "" : ", " + extractor.cutLineCount() + " cut at " + CAP) + ".");
        for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
            MetricSeries series = entry.getValue();
            FinalValue rule = rules.getOrDefault(entry.getKey(), FinalValue.Last);
            OptionalDouble value = rule.of(series);
            out.println("  " + entry.getKey() + ": " + series.valueCount() + " values"
                    + (value.isPresent() ? ", final (" + rule + ") " + value.getAsDouble() : ", no final value"));
        }
        for (String warning : extractor.warnings()) {
            out.println("warning: " + warning);
        }
        String objective = config.objective().metricName();
        out.println(verdict.succeeded()
                ? "Objective " + objective + " (" + config.objective().type() + "): " + verdict.value()
                : "Objective " + objective + ": " + verdict.failureReason());
    }

    private static ObjectNode json(TuningJobConfig config, List<CompiledMetric> metrics, Map<String, FinalValue> rules,
                                   MetricExtractor extractor, List<LineCaptures> lines, ObjectiveVerdict verdict) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ArrayNode definitions = root.putArray("MetricDefinitions");
        for (CompiledMetric metric : metrics) {
            definitions.addObject().put("Name", metric.name()).put("Regex", metric.regex()).put("Predefined", metric.isPredefined())
                    .put("FinalValue", rules.getOrDefault(metric.name(), FinalValue.Last).name());
        }
        ArrayNode captured = root.putArray("Lines");
        for (LineCaptures line : lines) {
            ObjectNode node = captured.addObject().put("Line", line.number()).put("Text", shown(line.text()));
            if (line.cut()) {
                node.put("Cut", true);
            }
            ObjectNode captures = node.putObject("Captures");
            line.captures().forEach(captures::put);
        }
        root.put("LineCount", extractor.lineCount());
        root.put("CutLineCount", extractor.cutLineCount());
        ObjectNode summary = root.putObject("Metrics");
        for (Map.Entry<String, MetricSeries> entry : extractor.allSeries().entrySet()) {
            ObjectNode node = summary.putObject(entry.getKey());
            node.put("ValueCount", entry.getValue().valueCount());
            OptionalDouble value = rules.getOrDefault(entry.getKey(), FinalValue.Last).of(entry.getValue());
            if (value.isPresent()) {
                node.put("FinalValue", value.getAsDouble());
            }
        }
        ArrayNode warnings = root.putArray("Warnings");
        extractor.warnings().forEach(warnings::add);
        ObjectNode objective = root.putObject("Objective");
        objective.put("MetricName", config.objective().metricName());
        objective.put("Type", config.objective().type().name());
        if (verdict.succeeded()) {
            objective.put("Value", verdict.value());
        } else {
            objective.put("Error", verdict.failureReason());
        }
        return root;
    }

    private static String shown(String line) {
        String visible = line.replace("\t", "\\t").replaceAll("\\p{Cntrl}", "\u00b7");
        return visible.length() <= SHOWN_LINE_CHARS ? visible : visible.substring(0, SHOWN_LINE_CHARS) + "... (" + line.length() + " chars)";
    }
}
