package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Debian's chromium driven through chromedriver's W3C WebDriver HTTP API, with the JDK's HTTP client:
 * enough to open a page, run a script in it, look for an alert and take a screenshot, without a
 * browser-automation library.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;
    private final Path profile;

    /** The chromium and chromedriver binaries, when both are installed. */
    static Optional<Path[]> binaries() {
        Path chromium = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
        Path driver = onPath("chromedriver").orElse(null);
        return chromium == null || driver == null ? Optional.empty() : Optional.of(new Path[]{chromium, driver});
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path chromium, Path chromedriver, int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        profile = Files.createTempDirectory("hpo-chromium-profile");
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        try {
            waitForDriver();
            session = startSession(chromium, width, height);
        } catch (IOException | InterruptedException | RuntimeException e) {
            driver.destroyForcibly().waitFor();
            throw e;
        }
    }

    private String startSession(Path chromium, int width, int height) throws IOException, InterruptedException {
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", chromium.toString());
        ArrayNode args = options.putArray("args");
        for (String arg : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height)) {
            args.add(arg);
        }
        ObjectNode capabilities = JSON.createObjectNode();
        ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        // leave an alert open instead of dismissing it, so a test can see that one was raised
        always.put("unhandledPromptBehavior", "ignore");
        always.set("goog:chromeOptions", options);
        return call("POST", "/session", capabilities).path("sessionId").asText();
    }

    private void waitForDriver() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(status.body()).path("value").path("ready").asBoolean(false)) {
                    return;
                }
            } catch (IOException notYet) {
                if (!driver.isAlive()) {
                    throw new IOException("chromedriver exited with " + driver.exitValue());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("chromedriver did not answer on " + base + " within 20 s");
            }
            Thread.sleep(50); // polling a child process for readiness, not hiding a race
        }
    }

    void open(URI page) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", page.toString()));
    }

    /** Runs {@code script} as an async WebDriver script: it must call {@code arguments[0]} with its result. */
    JsonNode executeAsync(String script, Duration timeout) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/timeouts", JSON.createObjectNode().put("script", timeout.toMillis()));
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/async", body);
    }

    JsonNode execute(String script) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    /** The text of an open alert, if the page raised one. */
    Optional<String> alertText() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/session/" + session + "/alert/text", null);
        JsonNode value = JSON.readTree(response.body()).path("value");
        return response.statusCode() == 200 ? Optional.of(value.asText()) : Optional.empty();
    }

    byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText());
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + ": " + value.path("error").asText() + ": "
                    + value.path("message").asText());
        }
        return value;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").method(method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (session != null) {
                send("DELETE", "/session/" + session, null);
            }
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly().waitFor();
            }
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
