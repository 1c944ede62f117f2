package dev.hpo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/bench <synthetic|timing|bank> [options]}: the benchmarks behind docs/benchmarks.md.
 * <ul>
 * <li>{@code synthetic [--seeds 10] [--functions branin,hartmann6,mixed] [--strategies random,bayesian,bayesian3]}</li>
 * <li>{@code timing [--sizes 100,500,1000]}</li>
 * <li>{@code edges [--seeds 10]}: how often Bayesian suggestions sit at range bounds or where jobs failed</li>
 * <li>{@code bank [--seeds 5] [--hpo bin/hpo] [--trainer builtin|python]}: the bank-marketing example with real
 *     training jobs, on the built-in XGBoost or on Debian's Python XGBoost</li>
 * </ul>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench synthetic [--seeds N] [--functions a,b] [--strategies random,bayesian,bayesian3] | timing [--sizes 100,500] | edges [--seeds N] | bank [--seeds N] [--hpo path] [--trainer builtin|python]");
            System.exit(2);
        }
        String command = args[0];
        switch (command) {
            case "synthetic" -> {
                int seeds = Integer.parseInt(option(args, "--seeds", "10"));
                List<SyntheticFunction> functions = new ArrayList<>();
                for (String name : option(args, "--functions", "branin,hartmann6,mixed").split(",")) {
                    functions.add(switch (name) {
                        case "branin" -> new Branin();
                        case "hartmann6" -> new Hartmann6();
                        case "mixed" -> new MixedSpace();
                        default -> throw new IllegalArgumentException("unknown function " + name);
                    });
                }
                List<SearchQuality.Variant> variants = new ArrayList<>();
                for (String name : option(args, "--strategies", "random,bayesian,bayesian3").split(",")) {
                    variants.add(switch (name) {
                        case "random" -> SearchQuality.VARIANTS.get(0);
                        case "bayesian" -> SearchQuality.VARIANTS.get(1);
                        case "bayesian3" -> SearchQuality.VARIANTS.get(2);
                        default -> throw new IllegalArgumentException("unknown strategy " + name);
                    });
                }
                int[] budgets = Arrays.stream(option(args, "--budgets", "10,20,30,60").split(",")).mapToInt(Integer::parseInt).toArray();
                SearchQuality.run(functions, variants, seeds, budgets, System.out);
            }
            case "timing" -> SuggestionTime.run(Arrays.stream(option(args, "--sizes", "100,500,1000").split(","))
                    .mapToInt(Integer::parseInt).toArray(), System.out);
            case "edges" -> {
                int seeds = Integer.parseInt(option(args, "--seeds", "10"));
                System.out.println("| parallel slots | suggestions after the start | within 0.02 of a bound | in the failing band a < 0.15 |");
                System.out.println("|---|---|---|---|");
                for (int parallel : new int[] {1, 3}) {
                    RangeEdges.run(seeds, parallel, System.out);
                }
            }
            case "bank" -> BankMarketing.run(Integer.parseInt(option(args, "--seeds", "5")),
                    Path.of(option(args, "--hpo", "bin/hpo")), BankMarketing.Trainer.parse(option(args, "--trainer", "builtin")), System.out);
            default -> {
                System.err.println("unknown benchmark " + command);
                System.exit(2);
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
