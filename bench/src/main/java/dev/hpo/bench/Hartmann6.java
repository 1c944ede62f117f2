package dev.hpo.bench;

import java.util.Map;

/** The 6-dimensional Hartmann function on [0, 1]^6: global minimum -3.32237. */
final class Hartmann6 implements SyntheticFunction {
    static final double OPTIMUM = -3.322368011415515;
    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
            {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
            {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    @Override
    public String name() {
        return "hartmann6";
    }

    @Override
    public double optimum() {
        return OPTIMUM;
    }

    @Override
    public String parameterRanges() {
        StringBuilder ranges = new StringBuilder("{\"ContinuousParameterRanges\": [");
        for (int i = 0; i < 6; i++) {
            ranges.append(i == 0 ? "" : ",").append("{\"Name\": \"x").append(i).append("\", \"MinValue\": \"0\", \"MaxValue\": \"1\"}");
        }
        return ranges.append("]}").toString();
    }

    @Override
    public double evaluate(Map<String, String> hp) {
        double[] x = new double[6];
        for (int i = 0; i < 6; i++) {
            x[i] = Double.parseDouble(hp.get("x" + i));
        }
        return value(x);
    }

    static double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - P[i][j];
                inner += A[i][j] * d * d;
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }
}
