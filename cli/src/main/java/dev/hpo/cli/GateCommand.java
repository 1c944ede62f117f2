package dev.hpo.cli;

import dev.hpo.engine.gate.Baseline;
import dev.hpo.engine.gate.Gate;
import dev.hpo.engine.gate.GateRule;
import dev.hpo.engine.gate.Verdict;
import dev.hpo.engine.store.DirectoryStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code hpo gate <job directory> --objective-at-least X | --objective-at-most X | --better-than <dir>}:
 * exit 0 to promote, 1 with the reason not to. For any CI system: the decision is the exit code.
 */
final class GateCommand implements Command {
    static final int DO_NOT_PROMOTE = 1;
    private final PrintStream out;
    private final PrintStream err;

    GateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public String usage() {
        return "gate <job directory> --objective-at-least <x> | --objective-at-most <x> | --better-than <promoted model or job dir>\n"
                + "      exit 0 to promote the best model, 1 (with the reason) not to";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("objective-at-least", "objective-at-most", "better-than");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        arguments.expectPositional(1);
        List<GateRule> rules = new ArrayList<>();
        if (arguments.option("objective-at-least") != null) {
            rules.add(GateRule.Threshold.atLeast(number("objective-at-least", arguments.option("objective-at-least"))));
        }
        if (arguments.option("objective-at-most") != null) {
            rules.add(GateRule.Threshold.atMost(number("objective-at-most", arguments.option("objective-at-most"))));
        }
        if (arguments.option("better-than") != null) {
            try {
                Path baseline = Path.of(arguments.option("better-than"));
                // before the first promotion there is nothing to beat; CI's first build must be able to promote
                rules.add(Files.exists(baseline) ? new GateRule.BetterThan(Baseline.read(baseline)) : new GateRule.NothingToCompare("nothing is promoted at " + baseline + " yet, so this is the first promotion"));
            } catch (IOException e) {
                throw new UsageException("--better-than: " + e.getMessage());
            }
        }
        if (rules.size() != 1) {
            throw new UsageException("give exactly one of --objective-at-least, --objective-at-most, --better-than");
        }
        Verdict decision = Gate.check(store.tuningJob().orElseThrow(), rules.get(0));
        if (decision.passed()) {
            out.println("promote: " + decision.reason());
            return 0;
        }
        err.println("do not promote: " + decision.reason());
        return DO_NOT_PROMOTE;
    }

    private static double number(String option, String text) throws UsageException {
        try {
            if (!text.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                throw new NumberFormatException(text);
            }
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + option + " must be a finite number, got '" + text + "'");
    }
}
