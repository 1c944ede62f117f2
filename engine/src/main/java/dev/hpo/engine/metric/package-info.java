/**
 * Metric extraction from a training job's log, SageMaker style: every line that the child process
 * prints is tried against regex metric definitions and capture group 1 is the value.
 *
 * <p>The pipeline, in the order the tuner wires it:
 * <ol>
 *   <li>{@link dev.hpo.engine.metric.LogLineSplitter} turns the raw bytes of stdout/stderr into
 *       bounded lines ({@code \n}, {@code \r\n} and a lone {@code \r} each end a line).</li>
 *   <li>{@link dev.hpo.engine.metric.LogLineNormalizer} removes ANSI escape sequences and applies
 *       backspaces, so coloured or redrawn output matches like plain text.</li>
 *   <li>{@link dev.hpo.engine.metric.MetricExtractor} tries every
 *       {@link dev.hpo.engine.metric.CompiledMetric} on every line and grows one
 *       {@link dev.hpo.engine.metric.MetricSeries} per metric.</li>
 *   <li>{@link dev.hpo.engine.metric.ObjectiveVerdict#decide} turns exit code and series into the
 *       training job's outcome: the last value, or a failure reason a user can act on.</li>
 * </ol>
 */
package dev.hpo.engine.metric;
