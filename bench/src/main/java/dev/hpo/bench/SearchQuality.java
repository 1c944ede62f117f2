package dev.hpo.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simple regret at 10, 20, 30 and 60 evaluations, median and interquartile range over seeds, per
 * function and strategy. Budgets below the largest are prefixes of one run per seed: none of the
 * strategies is told the budget, so a 30-job run is the first 30 jobs of the 60-job run (as in the
 * Optuna reference script).
 */
final class SearchQuality {
    record Variant(String label, String strategy, int parallel) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("Random", "Random", 1),
            new Variant("Bayesian", "Bayesian", 1),
            new Variant("Bayesian, 3 parallel", "Bayesian", 3));
    static final int[] BUDGETS = {10, 20, 30, 60};

    private SearchQuality() {
    }

    /**
     * Parallel against sequential, seed by seed: both start from the same space-filling design, so the
     * per-seed ratio removes most of the seed-to-seed spread that the medians carry. Regrets below
     * 1e-12 count as 1e-12 (both runs found the optimum to the printed digits).
     */
    private static String ratioLine(Variant variant, double[][] parallel, double[][] sequential, int[] budgets) {
        StringBuilder line = new StringBuilder(variant.label() + " against sequential: ");
        for (int b = 0; b < budgets.length; b++) {
            double logSum = 0;
            for (int seed = 0; seed < parallel[b].length; seed++) {
                logSum += Math.log(Math.max(parallel[b][seed], 1e-12) / Math.max(sequential[b][seed], 1e-12));
            }
            double medianRatio = Quartiles.of(parallel[b]).median() / Quartiles.of(sequential[b]).median();
            line.append(b == 0 ? "" : "; ").append('@').append(budgets[b]).append(" medians ").append(Figures.round(medianRatio))
                    .append("x, per-seed geometric mean ").append(Figures.round(Math.exp(logSum / parallel[b].length))).append('x');
        }
        return line.toString();
    }

    static void run(List<SyntheticFunction> functions, List<Variant> variants, int seeds, int[] budgets, PrintStream out) throws Exception {
        int evaluations = budgets[budgets.length - 1];
        for (SyntheticFunction function : functions) {
            out.println();
            out.println("**" + function.name() + "** (optimum " + function.optimum() + "), simple regret, median [q25–q75] over "
                    + seeds + " seeds (RandomSeed 0.." + (seeds - 1) + ")");
            out.println();
            StringBuilder header = new StringBuilder("| strategy |");
            StringBuilder rule = new StringBuilder("|---|");
            for (int budget : budgets) {
                header.append(" @").append(budget).append(" |");
                rule.append("---|");
            }
            header.append(" wall s/run |");
            rule.append("---|");
            out.println(header);
            out.println(rule);
            Map<String, double[][]> sequential = new HashMap<>();
            List<String> ratios = new ArrayList<>();
            for (Variant variant : variants) {
                double[][] regrets = new double[budgets.length][seeds];
                long started = System.nanoTime();
                for (int seed = 0; seed < seeds; seed++) {
                    double[] values = SyntheticRun.run(function, variant.strategy(), evaluations, variant.parallel(), seed);
                    for (int b = 0; b < budgets.length; b++) {
                        regrets[b][seed] = SyntheticRun.regretAt(values, budgets[b], function.optimum());
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9 / seeds;
                StringBuilder row = new StringBuilder("| " + variant.label() + " |");
                for (int b = 0; b < budgets.length; b++) {
                    row.append(' ').append(Quartiles.of(regrets[b]).format()).append(" |");
                }
                row.append(' ').append(Figures.round(seconds)).append(" |");
                out.println(row);
                out.flush();
                if (variant.parallel() == 1) {
                    sequential.put(variant.strategy(), regrets);
                } else if (sequential.containsKey(variant.strategy())) {
                    ratios.add(ratioLine(variant, regrets, sequential.get(variant.strategy()), budgets));
                }
            }
            for (String line : ratios) {
                out.println();
                out.println(line);
            }
        }
    }
}
