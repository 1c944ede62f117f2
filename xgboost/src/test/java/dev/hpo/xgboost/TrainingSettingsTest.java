package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    private static TrainingSettings settings(String... args) throws UsageException {
        return TrainingSettings.from(Hyperparameters.fromCommandLine(args));
    }

    private static UsageException refused(String... args) {
        return assertThrows(UsageException.class, () -> settings(args));
    }

    @Test
    void numRoundIsRequired() {
        UsageException e = refused("--eta", "0.3");
        assertTrue(e.getMessage().contains("num_round"), e.getMessage());
    }

    @Test
    void numRoundMustBeAPositiveInteger() {
        for (String bad : List.of("0", "-3", "ten", "2.5", "")) {
            UsageException e = refused("--num_round", bad);
            assertTrue(e.getMessage().contains("num_round"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void everythingButPlatformNamesGoesToXGBoost() throws Exception {
        TrainingSettings s = settings("--num_round", "10", "--eta", "0.3", "--objective", "binary:logistic",
                "--content_type", "text/csv", "--_tuning_objective_metric", "validation:auc", "--custom_thing", "x");
        assertEquals(10, s.numRound());
        assertEquals(Optional.of(ContentType.CSV), s.contentType());
        assertEquals(Map.of("tree_method", "hist", "eta", "0.3", "objective", "binary:logistic", "custom_thing", "x"),
                s.boosterParams());
    }

    @Test
    void treeMethodDefaultsToHistAndCanBeChanged() throws Exception {
        assertEquals("hist", settings("--num_round", "1").boosterParams().get("tree_method"));
        assertEquals("exact", settings("--num_round", "1", "--tree_method", "exact").boosterParams().get("tree_method"));
    }

    @Test
    void evalMetricListIsSplitAndTheTuningObjectiveIsAdded() throws Exception {
        TrainingSettings s = settings("--num_round", "1", "--eval_metric", "logloss, error,logloss",
                "--_tuning_objective_metric", "validation:auc");
        assertEquals(List.of("logloss", "error", "auc"), s.evalMetrics());
        assertFalse(s.boosterParams().containsKey("eval_metric"));
        assertEquals(List.of("auc"), settings("--num_round", "1", "--eval_metric", "auc",
                "--_tuning_objective_metric", "validation:auc").evalMetrics());
    }

    @Test
    void integersWrittenAsWholeFloatsAreAccepted() throws Exception {
        TrainingSettings s = settings("--num_round", "5.0", "--max_depth", "6.0", "--seed", "1e1");
        assertEquals(5, s.numRound());
        assertEquals("6", s.boosterParams().get("max_depth"));
        assertEquals("10", s.boosterParams().get("seed"));
    }

    @Test
    void unparsableValuesNameTheHyperparameter() {
        for (String[] bad : List.of(new String[] {"--max_depth", "abc"}, new String[] {"--max_depth", "4.5"},
                new String[] {"--eta", "fast"}, new String[] {"--eta", "NaN"}, new String[] {"--subsample", "0.8f"},
                new String[] {"--min_child_weight", "Infinity"}, new String[] {"--content_type", "application/json"})) {
            String[] args = {"--num_round", "3", bad[0], bad[1]};
            UsageException e = assertThrows(UsageException.class, () -> settings(args), bad[0] + " " + bad[1]);
            assertTrue(e.getMessage().contains(bad[0].substring(2)), e.getMessage());
        }
    }

    @Test
    void aliasesArriveUnderXGBoostNames() throws Exception {
        TrainingSettings s = settings("--num_round", "2", "--learning_rate", "0.2", "--reg_alpha", "1");
        assertEquals("0.2", s.boosterParams().get("eta"));
        assertEquals("1", s.boosterParams().get("alpha"));
    }

    @Test
    void containerOnlyMetricsAreExplained() {
        UsageException e = refused("--num_round", "1", "--_tuning_objective_metric", "validation:accuracy");
        assertTrue(e.getMessage().contains("accuracy") && e.getMessage().contains("error"), e.getMessage());
        e = refused("--num_round", "1", "--eval_metric", "auc,f1");
        assertTrue(e.getMessage().contains("f1"), e.getMessage());
    }

    @Test
    void hyperparametersFromAMap() throws Exception {
        TrainingSettings s = TrainingSettings.from(Hyperparameters.of(Map.of("num_round", "7", "reg_lambda", "2")));
        assertEquals(7, s.numRound());
        assertEquals("2", s.boosterParams().get("lambda"));
    }
}
