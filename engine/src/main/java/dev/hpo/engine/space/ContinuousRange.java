package dev.hpo.engine.space;

/** A real-valued hyperparameter between MinValue and MaxValue (both inclusive). */
public record ContinuousRange(String name, double min, double max, ScalingType scaling) implements ParameterRange {

    @Override
    public String valueAt(double unit) {
        return render(at(unit));
    }

    public double at(double unit) {
        double u = clamp(unit);
        if (min == max) {
            return min;
        }
        double value = switch (scaling.resolved()) {
            case Logarithmic -> Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
            // log-uniform in the distance to 1, so values crowd towards 1 as momentum-like parameters need
            case ReverseLogarithmic -> 1 - Math.exp(Math.log(1 - min) + u * (Math.log(1 - max) - Math.log(1 - min)));
            default -> min + u * (max - min);
        };
        return Math.min(max, Math.max(min, value));
    }

    @Override
    public double unitOf(String value) {
        double x = Double.parseDouble(value);
        if (min == max) {
            return 0.5;
        }
        double u = switch (scaling.resolved()) {
            case Logarithmic -> (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));
            case ReverseLogarithmic -> (Math.log(1 - x) - Math.log(1 - min)) / (Math.log(1 - max) - Math.log(1 - min));
            default -> (x - min) / (max - min);
        };
        return clamp(u);
    }

    static String render(double value) {
        // the shortest text that parses back to the same double, so the log, the store and the job agree
        return Double.toString(value);
    }

    static double clamp(double unit) {
        return Math.min(1, Math.max(0, unit));
    }
}
