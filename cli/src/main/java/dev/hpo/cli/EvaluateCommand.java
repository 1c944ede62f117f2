package dev.hpo.cli;

import dev.hpo.xgboost.ModelEvaluation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code hpo evaluate <model> <data.csv>}: AUC, logloss, accuracy and the confusion matrix on held-out data. */
final class EvaluateCommand implements Command {
    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate <model> <data.csv> [--threshold 0.5] [--json]   score labelled data (label first); <model> may be a\n"
                + "      tuning job directory (its best model), a training job directory, a model directory or file";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("threshold");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path model = ModelLocations.resolve(arguments.positional(0, "the model"));
        Path data = Path.of(arguments.positional(1, "the labelled data file (CSV with the label first, or LibSVM)"));
        arguments.expectPositional(2);
        if (!Files.isRegularFile(data)) {
            throw new UsageException("data file '" + data + "' does not exist");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(arguments.option("threshold", "0.5"));
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold must be a number, not '" + arguments.option("threshold") + "'");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("--threshold must lie in [0, 1], not " + threshold);
        }
        ModelEvaluation evaluation;
        try {
            evaluation = ModelEvaluation.evaluate(model, data, threshold);
        } catch (dev.hpo.xgboost.UsageException e) {
            throw new UsageException(e.getMessage());
        }
        out.println(arguments.flag("json") ? evaluation.toJson() : evaluation.toText());
        return 0;
    }
}
