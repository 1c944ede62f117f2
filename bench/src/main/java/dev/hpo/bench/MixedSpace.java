package dev.hpo.bench;

import java.util.Map;

/**
 * A mixed space shaped like a model's hyperparameters: a log-scaled learning rate (continuous), a
 * depth (integer 1..10), a kind of booster (categorical, 3 values) and a subsample fraction
 * (continuous). Minimum 0 at learning rate 0.01, depth 6, booster "dart", subsample 0.8.
 */
final class MixedSpace implements SyntheticFunction {

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public double optimum() {
        return 0;
    }

    @Override
    public String parameterRanges() {
        return """
                {"ContinuousParameterRanges": [
                  {"Name": "learning_rate", "MinValue": "0.0001", "MaxValue": "1", "ScalingType": "Logarithmic"},
                  {"Name": "subsample", "MinValue": "0.1", "MaxValue": "1"}],
                 "IntegerParameterRanges": [
                  {"Name": "depth", "MinValue": "1", "MaxValue": "10"}],
                 "CategoricalParameterRanges": [
                  {"Name": "booster", "Values": ["gbtree", "gblinear", "dart"]}]}""";
    }

    @Override
    public double evaluate(Map<String, String> hp) {
        double rate = Math.log10(Double.parseDouble(hp.get("learning_rate"))) + 2;
        double subsample = Double.parseDouble(hp.get("subsample")) - 0.8;
        double depth = (Integer.parseInt(hp.get("depth")) - 6) / 3.0;
        double booster = switch (hp.get("booster")) {
            case "dart" -> 0;
            case "gbtree" -> 0.3;
            default -> 1.0;
        };
        // the depth's best value shifts with the learning rate: the dimensions interact
        return rate * rate + 4 * subsample * subsample + (depth - 0.2 * rate) * (depth - 0.2 * rate) + booster;
    }
}
