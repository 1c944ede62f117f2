package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.engine.validation.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveVerdictTest {

    private static MetricExtractor feed(List<MetricDefinition> defs, String... lines) throws ConfigException {
        MetricExtractor x = new MetricExtractor(CompiledMetric.compileAll(defs, "d"));
        for (String line : lines) {
            x.onLine(line);
        }
        return x;
    }

    private static final List<MetricDefinition> LOSS = List.of(
            new MetricDefinition("loss", "loss=([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|nan|inf))"));

    private static void assertFailure(ObjectiveVerdict v, String... fragments) {
        assertFalse(v.succeeded());
        assertTrue(Double.isNaN(v.value()));
        for (String fragment : fragments) {
            assertTrue(v.failureReason().contains(fragment), () -> "'" + fragment + "' not in: " + v.failureReason());
        }
    }

    @Test
    void lastValueWinsNotTheBest() throws ConfigException {
        ObjectiveVerdict v = ObjectiveVerdict.decide("loss", feed(LOSS, "loss=0.3", "loss=0.1", "loss=0.2"), 0, null);
        assertTrue(v.succeeded());
        assertEquals(0.2, v.value());
        assertNull(v.failureReason());
    }

    @Test
    void nonZeroExitFailsEvenWithValuesAndQuotesStderr() throws ConfigException {
        ObjectiveVerdict v = ObjectiveVerdict.decide("loss", feed(LOSS, "loss=0.3"), 137,
                "\u001b[31mKilled\u001b[0m");
        assertFailure(v, "exited with code 137", "\"Killed\"", "1 values of 'loss'");
    }

    @Test
    void nonZeroExitWithoutStderr() throws ConfigException {
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS), 1, "  "), "exited with code 1", "no output on stderr");
    }

    @Test
    void missingObjectiveIsNotFoundNeverZero() throws ConfigException {
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS, "hello"), 0, null),
                "objective metric 'loss' not found in the log", "never matched");
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS), 0, null), "the log is empty");
    }

    @Test
    void objectiveWithoutDefinition() throws ConfigException {
        assertFailure(ObjectiveVerdict.decide("acc", feed(LOSS, "acc=1"), 0, null),
                "'acc' not found", "no metric definition", "'loss'");
    }

    @Test
    void nanFinalValueFailsAndQuotesLastFiniteValue() throws ConfigException {
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS, "loss=0.9", "loss=0.7708", "loss=nan"), 0, null),
                "final value is NaN", "last finite value 0.7708 at line 2");
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS, "loss=nan"), 0, null),
                "final value is NaN", "no finite value");
    }

    @Test
    void infiniteFinalValueFails() throws ConfigException {
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS, "loss=0.5", "loss=-inf"), 0, null),
                "final value is -Infinity", "0.5");
        assertFailure(ObjectiveVerdict.decide("loss", feed(LOSS, "loss=0.5", "loss=inf"), 0, null),
                "final value is Infinity", "; an Infinity objective cannot be ranked");
    }

    @Test
    void nanEarlierButFiniteLastSucceeds() throws ConfigException {
        ObjectiveVerdict v = ObjectiveVerdict.decide("loss", feed(LOSS, "loss=nan", "loss=0.4"), 0, null);
        assertTrue(v.succeeded());
        assertEquals(0.4, v.value());
    }

    @Test
    void truncationFailsEvenIfTheLastValueIsFine() throws ConfigException {
        List<MetricDefinition> defs = List.of(new MetricDefinition("loss", "loss=([0-9]+\\.[0-9]+)"));
        assertFailure(ObjectiveVerdict.decide("loss", feed(defs, "loss=9.8e-06", "loss=0.5"), 0, null),
                "'9.8'", "'9.8e-06'", "truncates");
    }

    @Test
    void nonNumericCapturesAreQuoted() throws ConfigException {
        List<MetricDefinition> defs = List.of(new MetricDefinition("model", "model=(.*?);"));
        assertFailure(ObjectiveVerdict.decide("model", feed(defs, "model=a;", "model=b;"), 0, null),
                "matched 2 times", "no captured value was a number", "'a'", "'b'");
    }

    @Test
    void cutOffRegexIsMentioned() throws ConfigException {
        List<MetricDefinition> defs = List.of(new MetricDefinition("evil", "(a+)+b=([0-9])"));
        assertFailure(ObjectiveVerdict.decide("evil", feed(defs, "a".repeat(3000)), 0, null),
                "cut off as too slow", "line 1");
    }

    @Test
    void predefinedNotFoundHintsSimilarEvalSets() throws ConfigException {
        List<MetricDefinition> defs = List.of(MetricDefinition.predefined("validation:auc"));
        ObjectiveVerdict v = ObjectiveVerdict.decide("validation:auc",
                feed(defs, "[0]\ttrain-auc:0.9\tvalidation_0-auc:0.71\tvalidation_1-auc:0.66"), 0, null);
        assertFailure(v, "'validation:auc'", "'validation_0-auc' and 'validation_1-auc'", "'validation_0:auc'");
        assertFalse(v.failureReason().contains("'train-auc'"), v.failureReason());
    }

    @Test
    void predefinedNotFoundWithOtherTokensListsThem() throws ConfigException {
        List<MetricDefinition> defs = List.of(MetricDefinition.predefined("validation:auc"));
        assertFailure(ObjectiveVerdict.decide("validation:auc", feed(defs, "[0]\ttrain-rmse:0.9\tvalidation-rmse:1"), 0, null),
                "'train-rmse' and 'validation-rmse'");
        assertFailure(ObjectiveVerdict.decide("validation:auc", feed(defs, "validation-auc:0.9"), 0, null),
                "contains 'validation-auc' but not in XGBoost's evaluation format");
    }

    @Test
    void nearMissLineIsQuoted() throws ConfigException {
        List<MetricDefinition> defs = List.of(new MetricDefinition("Validation-accuracy", "Validation-accuracy=([0-9.]+)"));
        assertFailure(ObjectiveVerdict.decide("Validation-accuracy", feed(defs, "x", "validation_accuracy=0.8123"), 0, null),
                "line 2: validation_accuracy=0.8123");
    }

    @Test
    void verdictInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveVerdict(true, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveVerdict(false, 1, null));
        assertEquals("'a', 'b' and 'c'", ObjectiveVerdict.quotedList(List.of("a", "b", "c")));
    }
}
