package dev.hpo.engine.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Applies metric definitions to the lines of one training job's log (SageMaker semantics): each line is
 * normalized ({@link LogLineNormalizer}), then every definition is tried on it, so one line can feed
 * several metrics. A definition takes its first match on the line and the value is capture group 1.
 *
 * <p>Failures never stop extraction and never hang it:
 * <ul>
 *   <li>a capture that is empty or not a number is skipped, counted and sampled;</li>
 *   <li>a capture that stops inside a number ({@code 9.8} of {@code 9.8e-06}) is not recorded and marks
 *       the metric as truncated (see {@link MetricSeries#truncation()});</li>
 *   <li>a regex that backtracks catastrophically is cut off after a budget of character reads per line
 *       (default 10 million, or 100 per character of a longer line), and one that recurses too deeply
 *       is stopped by catching the stack overflow; the line gives that metric nothing.</li>
 * </ul>
 * Each kind of trouble produces one warning per metric (on its first occurrence); the counts are in
 * the series. Line numbers count the lines given to {@link #onLine}, from 1.
 *
 * <p>Thread-safe: stdout and stderr pumps may share one extractor.
 */
public final class MetricExtractor {

    public static final long DEFAULT_CHAR_BUDGET_PER_LINE = 10_000_000L;
    /** Long lines get a budget proportional to their length, so a linear regex is never cut off. */
    static final long CHAR_BUDGET_PER_LINE_CHAR = 100;
    static final int MAX_WARNINGS = 100;

    private final List<CompiledMetric> metrics;
    private final Map<String, MetricSeries> seriesByName = new LinkedHashMap<>();
    private final long charBudgetPerLine;
    private final Consumer<String> warningSink;
    private final LogHints hints = new LogHints();
    private final List<String> warnings = new ArrayList<>();
    private int droppedWarnings;
    private long lineNumber;
    private long cutLines;
    private long firstCutLine;

    public MetricExtractor(List<CompiledMetric> metrics) {
        this(metrics, DEFAULT_CHAR_BUDGET_PER_LINE, MetricSeries.DEFAULT_MAX_KEPT_VALUES, warning -> { });
    }

    /**
     * @param charBudgetPerLine character reads allowed to one regex on one line (at least; long lines
     *                          get 100 per character)
     * @param maxKeptValues     values kept per series (later ones are counted, the last is tracked)
     * @param warningSink       receives each warning as it happens, e.g. to write it into the job log
     */
    public MetricExtractor(List<CompiledMetric> metrics, long charBudgetPerLine, int maxKeptValues,
                           Consumer<String> warningSink) {
        this.metrics = List.copyOf(metrics);
        this.charBudgetPerLine = charBudgetPerLine;
        this.warningSink = Objects.requireNonNull(warningSink, "warningSink");
        for (CompiledMetric metric : this.metrics) {
            if (seriesByName.putIfAbsent(metric.name(), new MetricSeries(metric.name(), maxKeptValues)) != null) {
                throw new IllegalArgumentException("duplicate metric name '" + metric.name() + "'");
            }
        }
    }

    public synchronized void onLine(String rawLine) {
        onLine(rawLine, false);
    }

    /**
     * @param cut true when the line went on past the line cap ({@link LogLineSplitter}): a value printed
     *            after the cap was never seen, which {@link #warnings()} then says
     */
    public synchronized void onLine(String rawLine, boolean cut) {
        lineNumber++;
        if (cut) {
            if (cutLines == 0) {
                firstCutLine = lineNumber;
            }
            cutLines++;
        }
        String line = LogLineNormalizer.normalize(rawLine);
        boolean dotMatchesEveryChar = hasNoLineTerminator(line);
        long budget = Math.max(charBudgetPerLine, CHAR_BUDGET_PER_LINE_CHAR * line.length());
        String octalLine = null;
        String looseLine = null;
        for (CompiledMetric metric : metrics) {
            String subject;
            if (metric.matchesTabsAsOctal()) {
                octalLine = octalLine != null ? octalLine : metric.subject(line);
                subject = octalLine;
            } else {
                subject = line;
            }
            MetricSeries series = seriesByName.get(metric.name());
            apply(metric, series, subject, dotMatchesEveryChar, budget);
            if (series.matchCount() == 0 && hints.wantsNearMiss(metric.name())) {
                looseLine = looseLine != null ? looseLine : LogHints.loose(line);
                hints.observeNearMiss(metric.name(), line, looseLine, lineNumber);
            }
        }
        hints.observeTokens(line, budget);
    }

    private void apply(CompiledMetric metric, MetricSeries series, String subject,
                       boolean dotMatchesEveryChar, long budget) {
        Matcher matcher = metric.pattern().matcher(new BudgetedCharSequence(subject, budget));
        try {
            if (!metric.search(matcher, dotMatchesEveryChar)) {
                return;
            }
        } catch (BudgetedCharSequence.BudgetExceeded e) {
            cutOff(metric, series, "regex took too long on line " + lineNumber + " (" + subject.length()
                    + " chars) and was cut off; simplify it (nested quantifiers such as (a+)+ backtrack"
                    + " exponentially)");
            return;
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group; the stack unwinds to here intact
            cutOff(metric, series, "regex recursed too deeply on line " + lineNumber + " (" + subject.length()
                    + " chars) and was cut off; simplify it (a repeated group such as (a|b)* recurses per"
                    + " character; prefer a character class such as [ab]*)");
            return;
        }
        record(metric.name(), series, subject, matcher.group(1), matcher.start(1), matcher.end(1));
    }

    private void record(String name, MetricSeries series, String subject, String captured, int start, int end) {
        OptionalDouble value = NumberText.parse(captured);
        if (value.isEmpty()) {
            series.reject(captured, lineNumber);
            if (series.rejectedCount() == 1) {
                warn("metric " + Texts.quote(name) + ": captured " + Texts.quote(captured == null ? "" : captured)
                        + " on line " + lineNumber + ", which is not a number; skipped");
            }
            return;
        }
        Optional<String> literal = NumberText.enclosingLiteral(subject, start, end);
        if (literal.isPresent()) {
            boolean first = series.truncation().isEmpty();
            series.truncated(captured, literal.get(), lineNumber);
            if (first) {
                warn(series.truncation().orElseThrow().describe(name));
            }
            return;
        }
        series.add(value.getAsDouble(), lineNumber);
    }

    private void cutOff(CompiledMetric metric, MetricSeries series, String what) {
        series.cutOff(lineNumber);
        if (series.cutOffCount() == 1) {
            warn("metric " + Texts.quote(metric.name()) + ": " + what);
        }
    }

    private void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            droppedWarnings++;
        }
        warningSink.accept(warning);
    }

    private static boolean hasNoLineTerminator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** The series of the metric with this name, or null if no definition has that name. */
    public synchronized MetricSeries series(String name) {
        return seriesByName.get(name);
    }

    /** Every metric's series, in definition order. */
    public synchronized Map<String, MetricSeries> allSeries() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seriesByName));
    }

    public List<CompiledMetric> metrics() {
        return metrics;
    }

    public synchronized long lineCount() {
        return lineNumber;
    }

    /**
     * Warnings so far (at most {@value #MAX_WARNINGS}; see {@link #droppedWarnings()}), then one for
     * the lines cut at the line cap, with their count, if any were.
     */
    public synchronized List<String> warnings() {
        if (cutLines == 0) {
            return List.copyOf(warnings);
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(cutLineWarning());
        return List.copyOf(all);
    }

    /** Lines that went on past the line cap (only their first part was matched). */
    public synchronized long cutLineCount() {
        return cutLines;
    }

    private String cutLineWarning() {
        String cap = LogLineSplitter.describeCap(LogLineSplitter.DEFAULT_MAX_LINE_CHARS);
        return cutLines == 1
                ? "line " + firstCutLine + " was longer than " + cap + "; only its first " + cap + " was matched"
                : cutLines + " lines were longer than " + cap + " (the first: line " + firstCutLine + "); only the first "
                        + cap + " of each was matched";
    }

    public synchronized int droppedWarnings() {
        return droppedWarnings;
    }

    /** XGBoost-like tokens ({@code <set>-<metric>}) seen in the log, in order of first appearance. */
    public synchronized List<String> xgboostTokensSeen() {
        return hints.tokens();
    }

    /** The first line that mentioned this metric's name loosely while its regex had not matched yet. */
    public synchronized Optional<String> nearMissLine(String metricName) {
        return hints.nearMiss(metricName).map(miss -> "line " + miss.lineNumber() + ": " + miss.line());
    }
}
