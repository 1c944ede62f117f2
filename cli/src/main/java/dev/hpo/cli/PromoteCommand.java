package dev.hpo.cli;

import dev.hpo.engine.promote.ModelCard;
import dev.hpo.engine.promote.Promotion;
import dev.hpo.engine.store.DirectoryStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/** {@code hpo promote <job directory> <destination>}: the best model and its model card, to where serving reads it. */
final class PromoteCommand implements Command {
    private final PrintStream out;

    PromoteCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "promote";
    }

    @Override
    public String usage() {
        return "promote <job directory> <destination>   copy the best training job's model and a model card to <destination>";
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        DirectoryStore store = JobDirectories.open(arguments.positional(0, "the tuning job's directory"));
        Path destination = Path.of(arguments.positional(1, "the destination directory"));
        arguments.expectPositional(2);
        Promotion.Promoted promoted = Promotion.promote(store.directory(), destination, Instant.now());
        out.println((promoted.replaced() ? "Replaced the promotion in " : "Promoted to ") + promoted.destination() + ": "
                + promoted.trainingJob().name() + " (" + promoted.card().path("objective").path("metricName").asText() + " = "
                + promoted.trainingJob().finalObjective() + ")");
        out.println("  model: " + promoted.destination().resolve(Promotion.MODEL_DIRECTORY) + "   card: "
                + promoted.destination().resolve(ModelCard.MARKDOWN_FILE_NAME));
        return 0;
    }
}
