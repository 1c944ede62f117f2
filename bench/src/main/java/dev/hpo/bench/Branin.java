package dev.hpo.bench;

import java.util.Map;

/**
 * Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]: three global minima of 0.397887
 * (at (-pi, 12.275), (pi, 2.275), (9.42478, 2.475)).
 */
final class Branin implements SyntheticFunction {
    static final double OPTIMUM = 0.39788735772973816;

    @Override
    public String name() {
        return "branin";
    }

    @Override
    public double optimum() {
        return OPTIMUM;
    }

    @Override
    public String parameterRanges() {
        return """
                {"ContinuousParameterRanges": [
                  {"Name": "x1", "MinValue": "-5", "MaxValue": "10"},
                  {"Name": "x2", "MinValue": "0", "MaxValue": "15"}]}""";
    }

    @Override
    public double evaluate(Map<String, String> hp) {
        return value(Double.parseDouble(hp.get("x1")), Double.parseDouble(hp.get("x2")));
    }

    static double value(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }
}
