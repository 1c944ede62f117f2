package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.validation.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricExtractorTest {

    private static MetricExtractor extractor(MetricDefinition... defs) throws ConfigException {
        return new MetricExtractor(CompiledMetric.compileAll(List.of(defs), "MetricDefinitions"));
    }

    @Test
    void linesCutAtTheCapGiveOneWarningWithTheirCount() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("loss", "loss=([0-9.]+)"));
        x.onLine("loss=0.5", false);
        assertEquals(List.of(), x.warnings());
        x.onLine("loss=0.4 xxxx", true);
        assertEquals(List.of("line 2 was longer than 1 MiB; only its first 1 MiB was matched"), x.warnings());
        x.onLine("xxxx", true);
        x.onLine("loss=0.3");
        assertEquals(List.of("2 lines were longer than 1 MiB (the first: line 2); only the first 1 MiB of each was matched"), x.warnings());
        assertEquals(2, x.cutLineCount());
        assertEquals(List.of(0.5, 0.4, 0.3), x.series("loss").values(), "what the cut line's first part held still counts");
    }

    @Test
    void oneLineFeedsSeveralMetrics() throws ConfigException {
        MetricExtractor x = extractor(
                new MetricDefinition("loss", "'loss': ([0-9.]+)"),
                new MetricDefinition("epoch", "'epoch': ([0-9.]+)"));
        x.onLine("{'loss': 0.61, 'epoch': 0.5}");
        x.onLine("{'eval_loss': 0.41, 'epoch': 1.0}");
        assertEquals(List.of(0.61), x.series("loss").values());
        assertEquals(List.of(0.5, 1.0), x.series("epoch").values());
        assertEquals(List.of("loss", "epoch"), List.copyOf(x.allSeries().keySet()));
    }

    @Test
    void firstMatchOnALineWinsAndLastValueIsFinal() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("acc", "acc=([0-9.]+)"));
        x.onLine("acc=0.1 acc=0.2");
        x.onLine("acc=0.9");
        x.onLine("acc=0.3");
        assertEquals(List.of(0.1, 0.9, 0.3), x.series("acc").values());
        assertEquals(OptionalDouble.of(0.3), x.series("acc").last());
        assertEquals(3, x.series("acc").matchCount());
    }

    @Test
    void linesAreNormalizedBeforeMatching() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("f1", "val_f1=([0-9.]+)"));
        x.onLine("\u001b[1mval_f1\u001b[0m=\u001b[36m0.7012\u001b[0m");
        assertEquals(List.of(0.7012), x.series("f1").values());
    }

    @Test
    void userRegexWithOctalTabSeesTabsAsOctal() throws ConfigException {
        MetricExtractor x = extractor(
                new MetricDefinition("validation:auc", ".*\\[[0-9]+\\].*#011validation-auc:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*"),
                new MetricDefinition("tabbed", "\\ttrain-auc:([0-9.]+)"));
        x.onLine("[3]\ttrain-auc:0.91\tvalidation-auc:0.81");
        x.onLine("[4]#011train-auc:0.92#011validation-auc:0.82");
        assertEquals(List.of(0.81, 0.82), x.series("validation:auc").values());
        assertEquals(List.of(0.91), x.series("tabbed").values());
    }

    @Test
    void nonNumericCapturesAreSkippedCountedAndSampled() throws ConfigException {
        List<String> warnings = new ArrayList<>();
        MetricExtractor x = new MetricExtractor(CompiledMetric.compileAll(List.of(
                new MetricDefinition("m", "m=(.*?);")), "d"), 1_000_000, 10, warnings::add);
        for (int i = 1; i <= 6; i++) {
            x.onLine("m=v" + i + ";");
        }
        x.onLine("m=;");
        x.onLine("m=0.5;");
        MetricSeries s = x.series("m");
        assertEquals(List.of(0.5), s.values());
        assertEquals(7, s.rejectedCount());
        assertEquals(8, s.matchCount());
        assertEquals(List.of("v1", "v2", "v3", ""), s.rejectedSamples().stream().map(MetricSeries.Rejected::captured).toList());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'v1'"));
    }

    @Test
    void optionalGroupThatDidNotParticipateIsAnEmptyCapture() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("m", "m(?:=([0-9.]+))?;"));
        x.onLine("m;");
        assertEquals(1, x.series("m").rejectedCount());
    }

    @Test
    void truncatedExponentIsRecordedAsAnErrorNotAValue() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("loss", "'loss': ([0-9]+(.|e\\-)[0-9]+),?"));
        x.onLine("{'loss': 0.0038, 'epoch': 2.0}");
        x.onLine("{'loss': 9.8e-06, 'epoch': 3.0}");
        MetricSeries s = x.series("loss");
        assertEquals(List.of(0.0038), s.values());
        MetricSeries.Truncation t = s.truncation().orElseThrow();
        assertEquals("9.8", t.captured());
        assertEquals("9.8e-06", t.literalInLog());
        assertEquals(2, t.lineNumber());
        assertTrue(x.warnings().get(0).contains("'9.8e-06'"));
    }

    @Test
    void catastrophicBacktrackingIsCutOffFast() throws ConfigException {
        MetricExtractor x = extractor(
                new MetricDefinition("evil", "(a+)+b"),
                new MetricDefinition("fine", "n=([0-9]+)"));
        String line = "a".repeat(5_000) + " n=7";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            x.onLine(line);
            x.onLine(line);
        });
        assertEquals(2, x.series("evil").cutOffCount());
        assertEquals(1, x.series("evil").firstCutOffLine().getAsLong());
        assertEquals(List.of(7.0, 7.0), x.series("fine").values());
        assertEquals(1, x.warnings().size(), x.warnings().toString());
        String warning = x.warnings().get(0);
        assertTrue(warning.contains("metric 'evil'"), warning);
        assertTrue(warning.contains("line 1"), warning);
        assertTrue(warning.contains("simplify it"), warning);
    }

    @Test
    void deepRecursionIsCaughtToo() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("deep", "^((?:a|b)*)c"));
        x.onLine("ab".repeat(200_000));
        x.onLine("abc");
        MetricSeries s = x.series("deep");
        assertEquals(1, s.cutOffCount(), x.warnings().toString());
        assertTrue(x.warnings().get(0).contains("recursed too deeply on line 1"), x.warnings().toString());
        assertEquals(1, s.rejectedCount(), "'ab' is matched but not a number");
    }

    @Test
    void sageMakerStyleLeadingDotStarIsLinearOnLongLines() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("validation:auc",
                ".*\\[[0-9]+\\].*#011validation-auc:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*"));
        // 300,000 chars without the token: find() would rescan the rest of the line from every start
        // position (~4.5e10 reads, cut off); lookingAt() from 0 is linear. (A line with tens of thousands
        // of [n] markers stays quadratic under this regex shape and is cut off: the budget covers it.)
        String filler = "[1] " + "loss=0.5, ".repeat(30_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            x.onLine(filler);
            x.onLine(filler + "#011validation-auc:0.75");
        });
        assertEquals(0, x.series("validation:auc").cutOffCount(), x.warnings().toString());
        assertEquals(List.of(0.75), x.series("validation:auc").values());
    }

    @Test
    void predefinedIsLinearOnLongLines() throws ConfigException {
        MetricExtractor x = extractor(MetricDefinition.predefined("validation:auc"));
        String filler = "[1] x\t".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            x.onLine(filler);
            x.onLine(filler + "\tvalidation-auc:0.75");
        });
        assertEquals(0, x.series("validation:auc").cutOffCount());
        assertEquals(List.of(0.75), x.series("validation:auc").values());
    }

    @Test
    void seriesMemoryIsBoundedButLastIsExact() throws ConfigException {
        MetricExtractor x = new MetricExtractor(CompiledMetric.compileAll(List.of(
                new MetricDefinition("v", "v=([0-9]+)")), "d"), 1_000_000, 5, w -> { });
        for (int i = 1; i <= 12; i++) {
            x.onLine("v=" + i);
        }
        MetricSeries s = x.series("v");
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), s.values());
        assertEquals(12, s.valueCount());
        assertTrue(s.valuesCapped());
        assertEquals(OptionalDouble.of(12.0), s.last());
    }

    @Test
    void remembersXgboostTokensAndNearMisses() throws ConfigException {
        MetricExtractor x = extractor(
                MetricDefinition.predefined("validation:auc"),
                new MetricDefinition("Validation-accuracy", "Validation-accuracy=([0-9.]+)"));
        x.onLine("[2021-03-04:10:11:12:INFO] lr=4e-05");
        x.onLine("[0]\tvalidation_0-auc:0.71\tvalidation_1-auc:0.66\tvalidation_0-ndcg@5:0.5");
        x.onLine("validation_accuracy=0.8123");
        assertEquals(List.of("validation_0-auc", "validation_1-auc", "validation_0-ndcg@5"), x.xgboostTokensSeen());
        assertEquals("line 3: validation_accuracy=0.8123", x.nearMissLine("Validation-accuracy").orElseThrow());
    }

    @Test
    void unknownSeriesIsNullAndDuplicatesAreRejected() throws ConfigException {
        MetricExtractor x = extractor(new MetricDefinition("a", "a=([0-9]+)"));
        assertNull(x.series("b"));
        CompiledMetric a = CompiledMetric.compileAll(List.of(new MetricDefinition("a", "a=(1)")), "d").get(0);
        assertThrows(IllegalArgumentException.class, () -> new MetricExtractor(List.of(a, a)));
    }
}
