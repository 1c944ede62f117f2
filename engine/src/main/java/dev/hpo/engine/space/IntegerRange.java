package dev.hpo.engine.space;

/** A whole-number hyperparameter between MinValue and MaxValue (both inclusive), rendered without a decimal point. */
public record IntegerRange(String name, long min, long max, ScalingType scaling) implements ParameterRange {

    @Override
    public String valueAt(double unit) {
        return Long.toString(at(unit));
    }

    public long at(double unit) {
        double u = ContinuousRange.clamp(unit);
        double value;
        if (scaling.resolved() == ScalingType.Logarithmic) {
            // log-uniform over [min, max + 1) then floored, so every integer keeps a share of the unit interval
            value = Math.exp(Math.log(min) + u * (Math.log(max + 1.0) - Math.log(min)));
        } else {
            value = min + u * (max - min + 1.0);
        }
        return Math.min(max, Math.max(min, (long) Math.floor(value)));
    }

    @Override
    public double unitOf(String value) {
        long x = Long.parseLong(value.trim());
        // the centre of the integer's share of the unit interval
        double u;
        if (scaling.resolved() == ScalingType.Logarithmic) {
            double lo = Math.log(x) - Math.log(min);
            double hi = Math.log(x + 1.0) - Math.log(min);
            u = (lo + hi) / 2 / (Math.log(max + 1.0) - Math.log(min));
        } else {
            u = (x - min + 0.5) / (max - min + 1.0);
        }
        return ContinuousRange.clamp(u);
    }

    public long size() {
        return max - min + 1;
    }
}
