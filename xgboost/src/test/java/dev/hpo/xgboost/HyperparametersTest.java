package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void readsNameValuePairsAndEqualsForm() throws Exception {
        Hyperparameters h = Hyperparameters.fromCommandLine(
                new String[] {"--eta", "0.3", "--max_depth=5", "--objective", "binary:logistic"});
        assertEquals(Map.of("eta", "0.3", "max_depth", "5", "objective", "binary:logistic"), h.asMap());
    }

    @Test
    void aValueWithSpacesIsOneArgument() throws Exception {
        Hyperparameters h = Hyperparameters.fromCommandLine(new String[] {"--note", "sgd with nesterov"});
        assertEquals(Optional.of("sgd with nesterov"), h.get("note"));
    }

    @Test
    void negativeNumbersAreValues() throws Exception {
        assertEquals(Optional.of("-1"), Hyperparameters.fromCommandLine(new String[] {"--max_delta_step", "-1"}).get("max_delta_step"));
    }

    @Test
    void aliasesBecomeXGBoostNames() throws Exception {
        Hyperparameters h = Hyperparameters.fromCommandLine(new String[] {
            "--learning_rate", "0.1", "--min_split_loss", "2", "--reg_lambda", "3", "--reg_alpha", "4"});
        assertEquals(Map.of("eta", "0.1", "gamma", "2", "lambda", "3", "alpha", "4"), h.asMap());
    }

    @Test
    void anAliasAndItsNameTogetherAreRefused() {
        UsageException e = assertThrows(UsageException.class,
                () -> Hyperparameters.fromCommandLine(new String[] {"--eta", "0.1", "--learning_rate", "0.2"}));
        assertTrue(e.getMessage().contains("eta") && e.getMessage().contains("learning_rate"), e.getMessage());
    }

    @Test
    void malformedCommandLines() {
        UsageException missing = assertThrows(UsageException.class,
                () -> Hyperparameters.fromCommandLine(new String[] {"--eta"}));
        assertTrue(missing.getMessage().contains("eta"), missing.getMessage());
        UsageException stray = assertThrows(UsageException.class,
                () -> Hyperparameters.fromCommandLine(new String[] {"eta", "0.3"}));
        assertTrue(stray.getMessage().contains("'eta'"), stray.getMessage());
    }

    @Test
    void smHpsNumbersKeepTheirTextAndStringsAreUnescaped() throws Exception {
        Hyperparameters h = Hyperparameters.fromSmHps(
                "{\"eta\": 0.10, \"num_round\": 100, \"objective\": \"binary:logistic\", \"note\": \"a\\\"b\\u0041\", \"flag\": true}");
        assertEquals("0.10", h.get("eta").orElseThrow());
        assertEquals("100", h.get("num_round").orElseThrow());
        assertEquals("binary:logistic", h.get("objective").orElseThrow());
        assertEquals("a\"bA", h.get("note").orElseThrow());
        assertEquals("true", h.get("flag").orElseThrow());
        assertEquals(List.of("eta", "num_round", "objective", "note", "flag"), List.copyOf(h.asMap().keySet()));
    }

    @Test
    void commandLineWinsOverSmHps() throws Exception {
        Hyperparameters h = Hyperparameters.resolve(new String[] {"--eta", "0.5"},
                Map.of("SM_HPS", "{\"learning_rate\": \"0.1\", \"max_depth\": \"3\"}"));
        assertEquals("0.5", h.get("eta").orElseThrow());
        assertEquals("3", h.get("max_depth").orElseThrow());
    }

    @Test
    void badSmHpsNamesTheVariable() {
        for (String json : List.of("{\"eta\": 0.1", "[1, 2]", "{\"eta\": {\"x\": 1}}", "{\"eta\": 0.1} x", "{\"eta\": abc}")) {
            UsageException e = assertThrows(UsageException.class, () -> Hyperparameters.fromSmHps(json), json);
            assertTrue(e.getMessage().startsWith("SM_HPS"), e.getMessage());
        }
    }
}
