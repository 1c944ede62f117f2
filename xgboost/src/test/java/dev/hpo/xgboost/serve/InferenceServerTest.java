package dev.hpo.xgboost.serve;

import dev.hpo.xgboost.Prediction;
import dev.hpo.xgboost.ServeFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real server on a loopback port, a real model, and the JDK's HTTP client. */
class InferenceServerTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path features;
    static InferenceServer server;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        model = ServeFixtures.trainSmallModel(dir);
        features = ServeFixtures.featuresOnly(dir, 300);
        server = InferenceServer.start(model, "127.0.0.1", 0, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    static HttpResponse<String> post(String contentType, String accept, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String predicted() throws Exception {
        StringWriter scores = new StringWriter();
        Prediction.predict(model, features, false, scores);
        return scores.toString();
    }

    @Test
    void pingAnswersOnceTheModelIsLoaded() throws Exception {
        HttpResponse<String> ping = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ping.statusCode());
    }

    @Test
    void csvRowsGetTheScoresThatPredictWrites() throws Exception {
        HttpResponse<String> response = post("text/csv", null, Files.readString(features));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(predicted(), response.body());
    }

    @Test
    void jsonRowsGetTheSameScoresInSageMakersJsonShape() throws Exception {
        List<String> lines = Files.readAllLines(features);
        String instances = lines.stream().map(l -> "[" + l + "]").collect(Collectors.joining(",", "{\"instances\":[", "]}"));
        HttpResponse<String> response = post("application/json", "application/json", instances);
        assertEquals(200, response.statusCode(), response.body());
        String expected = predicted().lines().map(s -> "{\"score\":" + s + "}").collect(Collectors.joining(",", "{\"predictions\":[", "]}"));
        assertEquals(expected, response.body());
        HttpResponse<String> csvBack = post("application/json", "text/csv", "[[" + lines.get(0) + "]]");
        assertEquals(predicted().lines().findFirst().orElseThrow() + "\n", csvBack.body());
    }

    @Test
    void concurrentRequestsEachGetTheirOwnRowsScores() throws Exception {
        List<String> rows = Files.readAllLines(features);
        List<String> expected = predicted().lines().toList();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    for (int k = 0; k < 25; k++) {
                        int from = (client * 37 + k * 11) % (rows.size() - 10);
                        int count = 1 + (k % 10);
                        String body = String.join("\n", rows.subList(from, from + count)) + "\n";
                        HttpResponse<String> response = post("text/csv", null, body);
                        assertEquals(200, response.statusCode(), response.body());
                        assertEquals(expected.subList(from, from + count), response.body().lines().toList());
                    }
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void malformedRowsAreRefusedWithTheirPlace() throws Exception {
        String first = Files.readAllLines(features).get(0);
        HttpResponse<String> word = post("text/csv", null, first + "\n" + first.replaceFirst("^[^,]*", "abc") + "\n");
        assertEquals(400, word.statusCode());
        assertEquals("line 2, column 1: 'abc' is not a number\n", word.body());
        HttpResponse<String> narrow = post("text/csv", null, "1,2,3\n");
        assertEquals(400, narrow.statusCode());
        assertTrue(narrow.body().startsWith("line 1 has 3 columns but the model expects " + server.features()), narrow.body());
        assertEquals(400, post("text/csv", null, "\n\n").statusCode());
        assertEquals(400, post("application/json", null, "{\"instances\": [[1, \"x\"]]}").statusCode());
        assertEquals(400, post("application/json", null, "{not json").statusCode());
        assertEquals(415, post("text/libsvm", null, "0 1:2").statusCode());
        assertEquals(406, post("text/csv", "application/x-recordio-protobuf", first).statusCode());
    }

    @Test
    void onlyTheContractsExactPathsAnswerAndRowsXgboostRefusesAreTheClientsFault() throws Exception {
        for (String path : List.of("/pingx", "/", "/invocations/extra")) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .POST(HttpRequest.BodyPublishers.ofString("1\n")).header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode(), path);
        }
        String first = Files.readAllLines(features).get(0);
        HttpResponse<String> infinite = post("text/csv", null, first.replaceFirst("^[^,]*", "inf") + "\n");
        assertEquals(400, infinite.statusCode(), infinite.body());
    }

    @Test
    void stopsCleanlyAndFreesThePort() throws Exception {
        InferenceServer second = InferenceServer.start(model, "127.0.0.1", 0, 2);
        int port = second.port();
        second.stop(Duration.ofSeconds(1));
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build();
        assertThrows(ConnectException.class, () -> CLIENT.send(ping, HttpResponse.BodyHandlers.ofString()));
        try (var again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
