package dev.hpo.engine.metric;

import dev.hpo.engine.validation.ConfigException;
import dev.hpo.engine.validation.ConfigProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A metric definition ready to run: its name, its compiled pattern, and how to present a line to it.
 * Immutable and thread-safe; one list of these serves every training job of a tuning job.
 */
public final class CompiledMetric {

    /** SageMaker's CloudWatch logs render a tab as the text {@code #011}; regexes copied from there say so. */
    static final String OCTAL_TAB = "#011";

    private final String name;
    private final String regex;
    private final Pattern pattern;
    private final boolean predefined;
    private final boolean tabsAsOctal;
    private final boolean leadingDotStar;

    private CompiledMetric(String name, String regex, Pattern pattern, boolean predefined) {
        this.name = name;
        this.regex = regex;
        this.pattern = pattern;
        this.predefined = predefined;
        // The predefined pattern accepts a tab or #011 itself, so only user regexes need the rewrite.
        this.tabsAsOctal = !predefined && regex.contains(OCTAL_TAB);
        this.leadingDotStar = !predefined && startsWithDotStarOnly(regex);
    }

    public String name() {
        return name;
    }

    /** The regex text (for predefined metrics, the generated one). */
    public String regex() {
        return regex;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** True when this is the predefined XGBoost definition for a {@code <set>:<metric>} name. */
    public boolean isPredefined() {
        return predefined;
    }

    /** True when lines are matched with every tab written as {@code #011} (the regex contains {@code #011}). */
    public boolean matchesTabsAsOctal() {
        return tabsAsOctal;
    }

    /** The text this metric's regex sees for a (normalized) line. */
    String subject(String line) {
        return tabsAsOctal ? line.replace("\t", OCTAL_TAB) : line;
    }

    /**
     * Finds the first match in the line. A regex starting with {@code .*} (the shape SageMaker's docs
     * show) is quadratic under {@code find()} on a long line that does not match, because every start
     * position rescans the rest of the line. When '.' matches every character of the line, a match
     * found by {@code find()} is also found by {@code lookingAt()} from position 0 (the leading
     * {@code .*} can absorb any prefix), so we use that. Regexes with '|' or {@code \G} are excluded:
     * there the equivalence does not hold.
     */
    boolean search(Matcher matcher, boolean dotMatchesEveryChar) {
        return leadingDotStar && dotMatchesEveryChar ? matcher.lookingAt() : matcher.find();
    }

    private static boolean startsWithDotStarOnly(String regex) {
        return regex.startsWith(".*") && regex.indexOf('|') < 0 && !regex.contains("\\G");
    }

    /**
     * The predefined XGBoost definition for {@code <set>:<metric>} (e.g. {@code validation:auc},
     * {@code train:rmse}, {@code valid_1:ndcg@5}); empty for names of any other form.
     */
    public static Optional<CompiledMetric> predefinedXgboost(String name) {
        return XgboostMetricPattern.regexFor(name)
                .map(regex -> new CompiledMetric(name, regex, Pattern.compile(regex), true));
    }

    /**
     * Compiles every definition, collecting all problems before failing so the user fixes the config in
     * one pass. Problems name {@code <fieldPath>[i].Name} or {@code <fieldPath>[i].Regex}.
     *
     * @param defs      the definitions in config order; null means none
     * @param fieldPath where they sit in the config, e.g. {@code AlgorithmSpecification.MetricDefinitions}
     * @throws ConfigException listing every blank or duplicate name, every regex that does not compile
     *                         or has no capture group, and every missing regex without a predefined one
     */
    public static List<CompiledMetric> compileAll(List<MetricDefinition> defs, String fieldPath)
            throws ConfigException {
        if (defs == null) {
            return List.of();
        }
        List<CompiledMetric> compiled = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexByName = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            String at = fieldPath + "[" + i + "]";
            MetricDefinition def = defs.get(i);
            if (def == null) {
                problems.add(new ConfigProblem(at, "metric definition is missing (null)"));
                continue;
            }
            String name = def.name();
            boolean nameOk = checkName(name, i, at, fieldPath, firstIndexByName, problems);
            CompiledMetric metric = def.regex() == null
                    ? predefinedOrProblem(name, nameOk, at, problems)
                    : compileUserRegex(name, def.regex(), at, problems);
            if (metric != null && nameOk) {
                compiled.add(metric);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(compiled);
    }

    private static boolean checkName(String name, int index, String at, String fieldPath,
                                     Map<String, Integer> firstIndexByName, List<ConfigProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new ConfigProblem(at + ".Name", "metric name is blank"));
            return false;
        }
        Integer first = firstIndexByName.putIfAbsent(name, index);
        if (first != null) {
            problems.add(new ConfigProblem(at + ".Name", "duplicate metric name '" + name
                    + "' (already defined at " + fieldPath + "[" + first + "])"));
            return false;
        }
        return true;
    }

    private static CompiledMetric predefinedOrProblem(String name, boolean nameOk, String at,
                                                      List<ConfigProblem> problems) {
        Optional<CompiledMetric> predefined = predefinedXgboost(name);
        if (predefined.isEmpty() && nameOk) {
            problems.add(new ConfigProblem(at + ".Regex", "regex is missing; only names of the form"
                    + " <set>:<metric> (e.g. validation:auc) have a predefined XGBoost definition, so metric '"
                    + name + "' needs a regex whose capture group 1 is the value"));
        }
        return predefined.orElse(null);
    }

    private static CompiledMetric compileUserRegex(String name, String regex, String at,
                                                   List<ConfigProblem> problems) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(new ConfigProblem(at + ".Regex", "regex '" + regex + "' does not compile: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")));
            return null;
        }
        if (pattern.matcher("").groupCount() == 0) {
            problems.add(new ConfigProblem(at + ".Regex", "regex '" + regex + "' has no capture group;"
                    + " the metric value is capture group 1, e.g. 'loss=([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)'"));
            return null;
        }
        return new CompiledMetric(name, regex, pattern, false);
    }

    @Override
    public String toString() {
        return name + " ~ /" + regex + "/";
    }
}
