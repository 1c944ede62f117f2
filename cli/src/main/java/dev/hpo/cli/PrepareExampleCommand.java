package dev.hpo.cli;

import dev.hpo.xgboost.BankMarketingPreparation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code hpo prepare-bank-marketing [<example directory>]}: turns the bundled UCI Bank Marketing data
 * into the train, validation and test files that the example's tuning job reads, the same way every time.
 */
final class PrepareExampleCommand implements Command {
    private final PrintStream out;

    PrepareExampleCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "prepare-bank-marketing";
    }

    @Override
    public String usage() {
        return "prepare-bank-marketing [<example directory>] [--seed N]   write data/{train,validation,test}.csv\n"
                + "      from <example directory>/bank-additional-full.csv.gz (default examples/bank-marketing)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("seed");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path example = Path.of(arguments.positional().isEmpty() ? "examples/bank-marketing" : arguments.positional().get(0));
        arguments.expectPositional(1);
        Path raw = example.resolve("bank-additional-full.csv.gz");
        if (!Files.isRegularFile(raw)) {
            throw new UsageException("'" + raw + "' does not exist; give the example's directory");
        }
        long seed;
        try {
            seed = Long.parseLong(arguments.option("seed", Long.toString(BankMarketingPreparation.DEFAULT_SEED)));
        } catch (NumberFormatException e) {
            seed = -1;
        }
        if (seed < 0 || seed > BankMarketingPreparation.MAX_SEED) {
            // pandas' random_state is numpy's seed, an unsigned 32-bit integer
            throw new UsageException("--seed must be a whole number from 0 to " + BankMarketingPreparation.MAX_SEED
                    + ", not '" + arguments.option("seed") + "'");
        }
        BankMarketingPreparation.Summary summary = BankMarketingPreparation.prepare(raw, example.resolve("data"), seed);
        out.println(summary.toText());
        return 0;
    }
}
