package dev.hpo.cli;

import dev.hpo.xgboost.serve.InferenceServer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hpo serve <model> [--port N] [--host H] [--threads N]}: SageMaker's inference contract on a
 * local port until Ctrl-C or SIGTERM, which stop it cleanly (requests in flight are answered).
 */
final class ServeCommand implements Command {
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "serve <model> [--port 8080] [--host 127.0.0.1] [--threads 16]   GET /ping, POST /invocations\n"
                + "      (text/csv or application/json rows, one score per row back); <model>: a model file, a model or\n"
                + "      training job directory, a promoted directory or a tuning job (its best model)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("port", "host", "threads");
    }

    @Override
    public int run(Arguments arguments) throws Exception {
        Path model = ModelLocations.resolve(arguments.positional(0, "the model"));
        arguments.expectPositional(1);
        int port = integer(arguments, "port", 8080, 0, 65535);
        // more threads than cores: a client that stalls mid-upload holds a thread, and must not hold them all
        int threads = integer(arguments, "threads", Math.max(16, 4 * Runtime.getRuntime().availableProcessors()), 1, 1024);
        String host = arguments.option("host", "127.0.0.1");
        InferenceServer server;
        try {
            server = InferenceServer.start(model, host, port, threads);
        } catch (dev.hpo.xgboost.UsageException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            err.println("hpo serve: stopping");
            try {
                server.stop(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("Serving " + server.modelFile() + " (" + server.features() + " features) on http://" + host + ":" + server.port()
                + "  GET /ping, POST /invocations; Ctrl-C stops");
        out.flush();
        stopped.await();
        return 0;
    }

    private static int integer(Arguments arguments, String name, int fallback, int min, int max) throws UsageException {
        String text = arguments.option(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }
}
