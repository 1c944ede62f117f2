package dev.hpo.cli;

import dev.hpo.xgboost.Prediction;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        // scores go to a sibling first, so a failed run leaves an earlier output file as it was
        Path target = output == null ? null : Path.of(output).toAbsolutePath();
        Path partial = target == null ? null : target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try (Writer writer = output == null
                ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(partial)) {
            long rows = Prediction.predict(model, data, arguments.flag("has-label"), writer);
            writer.flush();
            if (output != null) {
                writer.close();
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println("Wrote " + rows + " scores to " + output);
            }
        } catch (dev.hpo.xgboost.UsageException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
        return 0;
    }
}
