package dev.hpo.cli;

import dev.hpo.xgboost.Prediction;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code hpo predict <model> <data.csv> [--output scores.txt]}: one score per input row. */
final class PredictCommand implements Command {
    private final PrintStream out;

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String usage() {
        return "predict <model> <data.csv> [--output <file>] [--has-label]   one score per row (features only, as\n"
                + "      SageMaker inference; --has-label when the first column is a label to skip)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("output");
    }

    @Override
    public Set<String> flags() {
        return Set.of("has-label");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path model = ModelLocations.resolve(arguments.positional(0, "the model"));
        Path data = Path.of(arguments.positional(1, "the data file"));
        arguments.expectPositional(2);
        if (!Files.isRegularFile(data)) {
            throw new UsageException("data file '" + data + "' does not exist");
        }
        String output = arguments.option("output");
        try (Writer writer = output == null
                ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(output))) {
            long rows = Prediction.predict(model, data, arguments.flag("has-label"), writer);
            writer.flush();
            if (output != null) {
                out.println("Wrote " + rows + " scores to " + output);
            }
        } catch (dev.hpo.xgboost.UsageException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
