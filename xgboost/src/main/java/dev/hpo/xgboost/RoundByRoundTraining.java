package dev.hpo.xgboost;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Boosts one round at a time and prints XGBoost's own evaluation line after each round, e.g.
 * {@code [12]\ttrain-auc:0.91\tvalidation-auc:0.88}.
 *
 * <p>One line per round, flushed at once, is what lets a tuner follow the objective while the job
 * runs (early stopping needs the intermediate values) and what SageMaker's predefined metric regexes
 * expect. The line is XGBoost's string itself, not our rendering of it, so its metric names and digits
 * are exactly XGBoost's.
 */
final class RoundByRoundTraining {
    static final String TRAIN = "train";
    static final String VALIDATION = "validation";

    private RoundByRoundTraining() {
    }

    /** @param validation may be null: then only the train set is evaluated */
    static Booster train(TrainingSettings settings, DMatrix train, DMatrix validation, PrintStream out)
            throws XGBoostError {
        Map<String, Object> params = new LinkedHashMap<>(settings.boosterParams());
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        if (validation != null) {
            // Handed over so the booster caches validation predictions and adds one tree per round
            // instead of predicting with the whole model again for every evaluation.
            watches.put(VALIDATION, validation);
        }
        // Booster's constructor is package-private; zero rounds of XGBoost.train is the public way to get
        // a configured booster whose rounds we then run ourselves.
        Booster booster = XGBoost.train(train, params, 0, watches, null, null);
        // Each eval_metric set adds a metric in XGBoost, which is how a list is expressed.
        for (String metric : settings.evalMetrics()) {
            booster.setParam("eval_metric", metric);
        }
        DMatrix[] sets = validation == null ? new DMatrix[] {train} : new DMatrix[] {train, validation};
        String[] names = validation == null ? new String[] {TRAIN} : new String[] {TRAIN, VALIDATION};
        for (int round = 0; round < settings.numRound(); round++) {
            booster.update(train, round);
            out.println(booster.evalSet(sets, names, round));
            out.flush();
        }
        return booster;
    }
}
