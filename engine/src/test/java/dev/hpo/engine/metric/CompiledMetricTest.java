package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompiledMetricTest {

    private static final String PATH = "AlgorithmSpecification.MetricDefinitions";

    @Test
    void compilesUserAndPredefinedDefinitions() throws ConfigException {
        List<CompiledMetric> metrics = CompiledMetric.compileAll(List.of(
                new MetricDefinition("loss", "loss=([0-9.]+)"),
                MetricDefinition.predefined("validation:auc")), PATH);
        assertEquals(List.of("loss", "validation:auc"), metrics.stream().map(CompiledMetric::name).toList());
        assertFalse(metrics.get(0).isPredefined());
        assertTrue(metrics.get(1).isPredefined());
    }

    @Test
    void nullListIsEmpty() throws ConfigException {
        assertEquals(List.of(), CompiledMetric.compileAll(null, PATH));
    }

    @Test
    void collectsEveryProblemWithItsFieldPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> CompiledMetric.compileAll(Arrays.asList(
                new MetricDefinition(" ", "x=([0-9]+)"),
                new MetricDefinition("loss", "loss=([0-9.]+)"),
                new MetricDefinition("loss", "loss: ([0-9.]+)"),
                new MetricDefinition("acc", "acc=([0-9.]+"),
                new MetricDefinition("f1", "f1=[0-9.]+"),
                new MetricDefinition("mAP@[IoU=0.5]", null),
                null), PATH));
        List<ConfigProblem> problems = e.problems();
        assertEquals(List.of(PATH + "[0].Name", PATH + "[2].Name", PATH + "[3].Regex", PATH + "[4].Regex",
                PATH + "[5].Regex", PATH + "[6]"), problems.stream().map(ConfigProblem::fieldPath).toList());
        assertTrue(problems.get(0).message().contains("blank"));
        assertTrue(problems.get(1).message().contains("duplicate metric name 'loss'"));
        assertTrue(problems.get(1).message().contains(PATH + "[1]"));
        assertTrue(problems.get(2).message().contains("does not compile"));
        assertTrue(problems.get(2).message().contains("Unclosed group"), problems.get(2).message());
        assertTrue(problems.get(3).message().contains("no capture group"));
        assertTrue(problems.get(4).message().contains("<set>:<metric>"));
        assertTrue(e.getMessage().contains("6 problems"));
    }

    @Test
    void regexContainingOctalTabIsMatchedAgainstEscapedTabs() throws ConfigException {
        CompiledMetric metric = CompiledMetric.compileAll(List.of(
                new MetricDefinition("auc", ".*\\[[0-9]+\\].*#011validation-auc:([0-9.]+)")), PATH).get(0);
        assertTrue(metric.matchesTabsAsOctal());
        assertEquals("[1]#011a#011b", metric.subject("[1]\ta\tb"));
    }

    @Test
    void predefinedOnlyForSetColonMetric() {
        assertTrue(CompiledMetric.predefinedXgboost("validation:auc").isPresent());
        assertTrue(CompiledMetric.predefinedXgboost("valid_1:ndcg@5").isPresent());
        assertFalse(CompiledMetric.predefinedXgboost("auc").isPresent());
        assertFalse(CompiledMetric.predefinedXgboost("validation:").isPresent());
        assertFalse(CompiledMetric.predefinedXgboost("a:b:c").isPresent());
        assertFalse(CompiledMetric.predefinedXgboost("val set:auc").isPresent());
    }

    private static Optional<String> capture(String name, String line) {
        CompiledMetric metric = CompiledMetric.predefinedXgboost(name).orElseThrow();
        var m = metric.pattern().matcher(line);
        return metric.search(m, true) ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Test
    void predefinedMatchesTabOctalAndTimestampPrefix() {
        assertEquals(Optional.of("0.88"), capture("validation:auc", "[12]\ttrain-auc:0.91\tvalidation-auc:0.88"));
        assertEquals(Optional.of("0.91"), capture("train:auc", "[12]\ttrain-auc:0.91\tvalidation-auc:0.88"));
        assertEquals(Optional.of("0.88"), capture("validation:auc", "[36]#011train-auc:0.91#011validation-auc:0.88"));
        assertEquals(Optional.of("0.06"), capture("test:error", "[09:14:03] [3]\ttest-error:0.06\ttrain-error:0.04"));
        assertEquals(Optional.of("0.5"), capture("validation:rmse",
                "[2021-03-04:10:11:12:INFO] [7]#011validation-rmse:0.5"));
    }

    @Test
    void predefinedNeedsAnIterationMarkerBeforeTheToken() {
        assertEquals(Optional.empty(), capture("validation:auc", "\tvalidation-auc:0.88"));
        assertEquals(Optional.empty(), capture("validation:auc", "[09:14:03]\tvalidation-auc:0.88"));
        assertEquals(Optional.empty(), capture("validation:auc", "\tvalidation-auc:0.88 [3]"));
    }

    @Test
    void predefinedNeedsTabOrOctalBeforeTheToken() {
        assertEquals(Optional.empty(), capture("validation:auc", "[1] validation-auc:0.88"));
        assertEquals(Optional.empty(), capture("validation:auc", "[1]validation-auc:0.88"));
    }

    @Test
    void predefinedDoesNotPrefixMatchSetOrMetric() {
        assertEquals(Optional.empty(), capture("validation:auc", "[0]\tvalidation_0-auc:0.71\tvalidation_1-auc:0.66"));
        assertEquals(Optional.empty(), capture("validation:auc", "[0]\tvalidation-aucpr:0.71"));
        assertEquals(Optional.empty(), capture("validation:auc", "[0]\tmyvalidation-auc:0.71"));
        assertEquals(Optional.of("0.8"), capture("validation:auc", "[0]\tvalidation-aucpr:0.7\tvalidation-auc:0.8"));
    }

    @Test
    void predefinedNumberForms() {
        assertEquals(Optional.of("-1.5e-06"), capture("train:loss", "[0]\ttrain-loss:-1.5e-06"));
        assertEquals(Optional.of(".5"), capture("train:loss", "[0]\ttrain-loss:.5"));
        assertEquals(Optional.of("+3E+2"), capture("train:loss", "[0]\ttrain-loss:+3E+2"));
        assertEquals(Optional.of("nan"), capture("train:loss", "[0]\ttrain-loss:nan"));
        assertEquals(Optional.of("-inf"), capture("train:loss", "[0]\ttrain-loss:-inf"));
        assertEquals(Optional.of("0.7298"), capture("test:auc", "[2]\ttrain-auc:0.8871+0.0030\ttest-auc:0.7298+0.0123"));
    }

    @Test
    void predefinedQuotesNamesWithHyphenAndAt() {
        assertEquals(Optional.of("1.25"), capture("validation:aft-nloglik", "[3]\tvalidation-aft-nloglik:1.25"));
        assertEquals(Optional.of("2.5"), capture("validation:gamma-deviance", "[3]\tvalidation-gamma-deviance:2.5"));
        assertEquals(Optional.of("0.61"), capture("validation:ndcg@5", "[3]\tvalidation-ndcg@5:0.61\tvalidation-ndcg@10:0.7"));
        assertEquals(Optional.of("0.7"), capture("validation:ndcg@10", "[3]\tvalidation-ndcg@5:0.61\tvalidation-ndcg@10:0.7"));
        assertEquals(Optional.of("0.12"), capture("test:error@0.7", "[3]\ttest-error@0.7:0.12"));
        assertEquals(Optional.empty(), capture("test:error@0.7", "[3]\ttest-error@0x7:0.12"));
        assertEquals(Optional.of("0.9"), capture("valid_1:map@10", "[3]\tvalid_1-map@10:0.9"));
    }
}
