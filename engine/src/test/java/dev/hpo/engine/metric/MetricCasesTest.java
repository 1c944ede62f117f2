package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.engine.validation.ConfigException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every failure case in {@code src/test/resources/cases} end to end: log bytes in small chunks of
 * varying size through {@link LogLineSplitter}, into a {@link MetricExtractor}, then
 * {@link ObjectiveVerdict#decide}. A number must come out exactly; an error must contain every quoted
 * fragment of the expected error (the wording is ours, the facts are not) plus the case's key words.
 */
class MetricCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Key words each error kind must mention, beyond the quoted fragments of the expected text. */
    private static final Map<String, List<String>> KEY_WORDS = Map.of(
            "hyperparameter_int_as_float", List.of("exited with code 2"),
            "training_process_failed", List.of("exited with code 1", "objective is not used"),
            "no_metric_printed", List.of("not found"),
            "objective_name_not_in_log", List.of("not found", "name the eval set 'validation'"),
            "nan_value", List.of("NaN", "last finite value 0.7708 at line 2"),
            "scientific_notation_truncated_by_user_regex", List.of("truncates"),
            "non_numeric_capture", List.of("matched 2 times", "no captured value was a number"));

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");

    static Path casesDir() throws URISyntaxException {
        return Path.of(MetricCasesTest.class.getResource("/cases").toURI());
    }

    static Stream<Path> cases() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> list = Files.list(casesDir())) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream();
    }

    @Test
    void everySharedCaseIsHere() throws IOException, URISyntaxException {
        assertEquals(19, cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGivesTheExpectedOutcome(Path file) throws IOException, ConfigException {
        JsonNode c = JSON.readTree(file.toFile());
        String objective = c.get("objective").asText();
        MetricExtractor extractor = new MetricExtractor(metrics(c.get("metric_definitions"), objective));
        String log = c.get("log").asText();
        feedInVaryingChunks(log.getBytes(StandardCharsets.UTF_8), extractor);
        int exitCode = c.path("exit_code").asInt(0);

        ObjectiveVerdict verdict = ObjectiveVerdict.decide(objective, extractor, exitCode, lastNonEmptyLine(log));

        JsonNode expected = c.get("expected");
        if (expected.isNumber()) {
            assertTrue(verdict.succeeded(), () -> "expected " + expected + " but: " + verdict.failureReason());
            assertEquals(expected.asDouble(), verdict.value(), 0.0);
        } else {
            assertFalse(verdict.succeeded(), () -> "expected an error but got " + verdict.value());
            String reason = verdict.failureReason();
            for (String fragment : requiredFragments(expected.get("error").asText(), c.get("fault_kind").asText())) {
                assertTrue(reason.contains(fragment), () -> "missing '" + fragment + "' in: " + reason);
            }
        }
    }

    private static List<CompiledMetric> metrics(JsonNode defs, String objective) throws ConfigException {
        if (defs == null || defs.isNull()) {
            return List.of(CompiledMetric.predefinedXgboost(objective).orElseThrow());
        }
        List<MetricDefinition> list = new ArrayList<>();
        for (JsonNode d : defs) {
            list.add(new MetricDefinition(d.get("name").asText(), d.path("regex").isNull() ? null : d.get("regex").asText()));
        }
        return CompiledMetric.compileAll(list, "MetricDefinitions");
    }

    /** Chunk sizes 1, 2, 3, 5, 8, 13 ... cycling, so line ends and UTF-8 sequences fall across feeds. */
    private static void feedInVaryingChunks(byte[] bytes, MetricExtractor extractor) {
        LogLineSplitter splitter = new LogLineSplitter(extractor::onLine);
        int[] sizes = {1, 2, 3, 5, 8, 13, 21, 34, 7, 4};
        int off = 0;
        for (int i = 0; off < bytes.length; i++) {
            int n = Math.min(sizes[i % sizes.length], bytes.length - off);
            splitter.feed(bytes, off, n);
            off += n;
        }
        splitter.finish();
    }

    private static String lastNonEmptyLine(String log) {
        String[] lines = log.split("\r\n|\r|\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i];
            }
        }
        return null;
    }

    private static List<String> requiredFragments(String expectedError, String faultKind) {
        List<String> fragments = new ArrayList<>();
        Matcher m = QUOTED.matcher(expectedError);
        while (m.find()) {
            fragments.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        List<String> keyWords = KEY_WORDS.get(faultKind);
        assertNotNull(keyWords, "add key words for error kind " + faultKind);
        fragments.addAll(keyWords);
        return fragments;
    }

    /** Secondary expectations from the cases' notes: the intermediate series. */
    @Test
    void seriesFromNotes() throws IOException, URISyntaxException, ConfigException {
        assertEquals(List.of(0.5938, 0.6875), series("io-16-keras-progbar-cr-backspace", "val_accuracy"));
        assertEquals(List.of(0.6951, 0.6810, 0.6620, 0.6012, 0.5874), series("io-16-keras-progbar-cr-backspace", "loss"));
        assertEquals(List.of(0.6120, 0.3318), series("io-19-multiple-metrics-one-line-dict", "loss"));
        assertEquals(List.of(0.4127, 0.3894), series("io-19-multiple-metrics-one-line-dict", "eval_loss"));
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0, 2.0), series("io-19-multiple-metrics-one-line-dict", "epoch"));
        assertEquals(List.of(0.9102, 0.9407, 0.9350), series("out-23-last-not-best", "Validation-accuracy"));
        assertEquals(List.of(4.118, 3.907), series("out-25-process-fails-after-emitting", "val_rmse"));
        assertEquals(List.of(0.8841), series("val-12-string-valued-capture", "holdout_f1"));
        assertEquals(List.of(0.79410, 0.81236, 0.82951, 0.83377, 0.83104), series("xgb-01-raw-tabs-predefined", "validation:auc"));
        assertEquals(List.of(0.2210, 0.2964), series("val-09-metric-name-with-equals-and-brackets", "mAP@[IoU=0.75]"));
        List<Double> nan = series("val-13-final-value-nan", "loss");
        assertEquals(4, nan.size());
        assertTrue(Double.isNaN(nan.get(3)));
    }

    private static List<Double> series(String id, String metric) throws IOException, URISyntaxException, ConfigException {
        JsonNode c = JSON.readTree(casesDir().resolve(id + ".json").toFile());
        MetricExtractor extractor = new MetricExtractor(metrics(c.get("metric_definitions"), c.get("objective").asText()));
        feedInVaryingChunks(c.get("log").asText().getBytes(StandardCharsets.UTF_8), extractor);
        MetricSeries s = extractor.series(metric);
        if (s == null) {
            s = new MetricExtractor(List.of(CompiledMetric.predefinedXgboost(metric).orElseThrow())).series(metric);
        }
        return s.values();
    }
}
