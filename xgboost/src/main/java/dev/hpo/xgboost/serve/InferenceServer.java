package dev.hpo.xgboost.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hpo.xgboost.UsageException;
import dev.hpo.xgboost.XGBoostMessages;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SageMaker's inference contract for a trained model: {@code GET /ping} answers 200 once the model is
 * loaded, {@code POST /invocations} scores the rows in the body. Requests are served by a fixed pool of
 * threads; a bad request gets 4xx with the reason as plain text; {@link #close} stops accepting, lets
 * requests in flight finish, and frees the models.
 */
public final class InferenceServer implements AutoCloseable {
    /** SageMaker's real-time endpoints take at most 6 MB; a little more here, for local batch use. */
    static final int MAX_BODY_BYTES = 64 << 20;

    private final ScoringModel model;
    private final RequestParser parser;
    private final HttpServer http;
    private final ExecutorService workers;

    private InferenceServer(ScoringModel model, HttpServer http, ExecutorService workers) {
        this.model = model;
        this.parser = new RequestParser(model.features());
        this.http = http;
        this.workers = workers;
    }

    public static InferenceServer start(Path model, String host, int port, int threads)
            throws UsageException, IOException, XGBoostError {
        // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, the
        // client's delayed ACK then holds every small response back by about 40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ScoringModel scoring = new ScoringModel(model);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            scoring.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "invocations-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService workers = Executors.newFixedThreadPool(threads, factory);
        InferenceServer server = new InferenceServer(scoring, http, workers);
        http.createContext("/ping", server::ping);
        http.createContext("/invocations", server::invocations);
        http.createContext("/", server::notFound);
        http.setExecutor(workers);
        http.start();
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Path modelFile() {
        return model.file();
    }

    public int features() {
        return model.features();
    }

    private void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 404, "text/plain", "no such path " + exchange.getRequestURI().getPath() + "; use GET /ping or POST /invocations\n");
        }
    }

    /** A context matches every path that starts with its own; only the exact path is the contract's. */
    private boolean exactly(HttpExchange exchange, String path) throws IOException {
        if (exchange.getRequestURI().getPath().equals(path)) {
            return true;
        }
        notFound(exchange);
        return false;
    }

    private void ping(HttpExchange exchange) throws IOException {
        if (!exactly(exchange, "/ping")) {
            return;
        }
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain", "use GET /ping\n");
                return;
            }
            send(exchange, 200, "text/plain", exchange.getRequestMethod().equals("HEAD") ? null : "\n");
        }
    }

    private void invocations(HttpExchange exchange) throws IOException {
        if (!exactly(exchange, "/invocations")) {
            return;
        }
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "use POST /invocations with text/csv or application/json rows\n");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            try {
                FeatureRows rows = parser.parse(contentType, body(exchange));
                ScoreFormat format = ScoreFormat.forAccept(exchange.getRequestHeaders().getFirst("Accept"), contentType);
                send(exchange, 200, format.mimeType(), format.write(model.score(rows)));
            } catch (BadRequest e) {
                send(exchange, e.status(), "text/plain", e.getMessage() + "\n");
            } catch (XGBoostError e) {
                // the model loaded and scored at start-up, so what XGBoost refuses now is in the rows (inf, say)
                send(exchange, 400, "text/plain", "XGBoost refuses these rows: " + XGBoostMessages.oneLine(e) + "\n");
            } catch (RuntimeException e) {
                send(exchange, 500, "text/plain", "error: " + e + "\n");
            }
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException, BadRequest {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BadRequest(413, "the body is larger than " + (MAX_BODY_BYTES >> 20) + " MB; send fewer rows per request");
            }
            return bytes;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops within {@code grace}: no new connections, requests in flight answered, then the models freed. */
    public void stop(Duration grace) throws InterruptedException {
        http.stop((int) Math.max(0, grace.toSeconds()));
        workers.shutdown();
        if (!workers.awaitTermination(grace.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
        model.close();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(1));
    }
}
