package dev.hpo.engine.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Everything one metric got from one training job's log: its numeric values in emission order (the
 * intermediate values; the last one is the final value), plus what went wrong on the way, so that a
 * failure reason can quote it.
 *
 * <p>Memory is bounded: the first {@link #DEFAULT_MAX_KEPT_VALUES} values are kept (the prefix is what
 * early stopping compares across jobs, step by step); after that, values are only counted and the last
 * one is still tracked, so {@link #last()} is always the true final value. Rejected captures keep a
 * few samples and a count.
 *
 * <p>Thread-safe: the extractor writes while the tuner (early stopping, a dashboard) reads.
 */
public final class MetricSeries {

    public static final int DEFAULT_MAX_KEPT_VALUES = 100_000;
    static final int MAX_REJECTED_SAMPLES = 3;

    /** The first capture that cut a number short; it makes the whole series untrustworthy. */
    public record Truncation(String captured, String literalInLog, long lineNumber) {

        /** Why this is an error, and the regex shape that fixes it. */
        public String describe(String metricName) {
            return "metric " + Texts.quote(metricName) + ": the regex captured " + Texts.quote(captured)
                    + " but the number in the log is " + Texts.quote(literalInLog) + " (line " + lineNumber
                    + "); the regex truncates the number, which would record a wrong value"
                    + " (capture whole numbers, e.g. with [-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
        }
    }

    /** A capture that was not a number, and where. */
    public record Rejected(String captured, long lineNumber) {
    }

    private final String name;
    private final int maxKeptValues;
    private double[] values = new double[16];
    private int keptCount;
    private long valueCount;
    private double last = Double.NaN;
    private long lastLine;
    private double lastFinite = Double.NaN;
    private double max = Double.NaN;
    private double min = Double.NaN;
    private long lastFiniteLine;
    private int matchCount;
    private int rejectedCount;
    private final List<Rejected> rejectedSamples = new ArrayList<>();
    private Rejected lastRejected;
    private Truncation truncation;
    private int cutOffCount;
    private long firstCutOffLine;

    public MetricSeries(String name) {
        this(name, DEFAULT_MAX_KEPT_VALUES);
    }

    public MetricSeries(String name, int maxKeptValues) {
        if (maxKeptValues < 1) {
            throw new IllegalArgumentException("maxKeptValues must be positive, got " + maxKeptValues);
        }
        this.name = name;
        this.maxKeptValues = maxKeptValues;
    }

    public String name() {
        return name;
    }

    /** The last numeric value emitted (possibly NaN or infinite); empty when there is none. */
    public synchronized OptionalDouble last() {
        return valueCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(last);
    }

    /** Line number (1-based, as the extractor counted) of the last value; 0 when there is none. */
    public synchronized long lastLine() {
        return lastLine;
    }

    /** The largest finite value emitted, counting those past the kept cap; empty when there is none. */
    public synchronized OptionalDouble max() {
        return Double.isNaN(max) ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    /** The smallest finite value emitted, counting those past the kept cap; empty when there is none. */
    public synchronized OptionalDouble min() {
        return Double.isNaN(min) ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    /** The last finite value emitted, e.g. to explain a final NaN. */
    public synchronized OptionalDouble lastFinite() {
        return lastFiniteLine == 0 ? OptionalDouble.empty() : OptionalDouble.of(lastFinite);
    }

    public synchronized long lastFiniteLine() {
        return lastFiniteLine;
    }

    /** The kept values in emission order (all of them unless more than the cap were emitted). */
    public synchronized List<Double> values() {
        List<Double> list = new ArrayList<>(keptCount);
        for (int i = 0; i < keptCount; i++) {
            list.add(values[i]);
        }
        return Collections.unmodifiableList(list);
    }

    public synchronized double[] valuesArray() {
        return Arrays.copyOf(values, keptCount);
    }

    /** Numeric values emitted, including those past the kept cap. */
    public synchronized long valueCount() {
        return valueCount;
    }

    /** True when more values were emitted than {@link #values()} holds. */
    public synchronized boolean valuesCapped() {
        return valueCount > keptCount;
    }

    /** Lines on which the regex matched, whether or not the capture was a usable number. */
    public synchronized int matchCount() {
        return matchCount;
    }

    /** Captures that were empty or not a number (skipped, not in the series). */
    public synchronized int rejectedCount() {
        return rejectedCount;
    }

    /** The first few rejected captures, plus the latest one if it is not among them. */
    public synchronized List<Rejected> rejectedSamples() {
        List<Rejected> samples = new ArrayList<>(rejectedSamples);
        if (lastRejected != null && !samples.contains(lastRejected)) {
            samples.add(lastRejected);
        }
        return List.copyOf(samples);
    }

    public synchronized Optional<Truncation> truncation() {
        return Optional.ofNullable(truncation);
    }

    /** Lines on which the regex was cut off for taking too long. */
    public synchronized int cutOffCount() {
        return cutOffCount;
    }

    public synchronized OptionalLong firstCutOffLine() {
        return cutOffCount == 0 ? OptionalLong.empty() : OptionalLong.of(firstCutOffLine);
    }

    synchronized void add(double value, long lineNumber) {
        matchCount++;
        valueCount++;
        last = value;
        lastLine = lineNumber;
        if (Double.isFinite(value)) {
            lastFinite = value;
            lastFiniteLine = lineNumber;
            max = Double.isNaN(max) ? value : Math.max(max, value);
            min = Double.isNaN(min) ? value : Math.min(min, value);
        }
        if (keptCount < maxKeptValues) {
            if (keptCount == values.length) {
                values = Arrays.copyOf(values, Math.min(maxKeptValues, values.length * 2));
            }
            values[keptCount++] = value;
        }
    }

    synchronized void reject(String captured, long lineNumber) {
        matchCount++;
        rejectedCount++;
        Rejected rejected = new Rejected(Texts.abbreviate(captured == null ? "" : captured), lineNumber);
        if (rejectedSamples.size() < MAX_REJECTED_SAMPLES) {
            rejectedSamples.add(rejected);
        }
        lastRejected = rejected;
    }

    synchronized void truncated(String captured, String literalInLog, long lineNumber) {
        matchCount++;
        if (truncation == null) {
            truncation = new Truncation(captured, literalInLog, lineNumber);
        }
    }

    synchronized void cutOff(long lineNumber) {
        if (cutOffCount++ == 0) {
            firstCutOffLine = lineNumber;
        }
    }

    @Override
    public synchronized String toString() {
        return name + ": " + valueCount + " values" + (valueCount > 0 ? ", last " + last : "");
    }
}
