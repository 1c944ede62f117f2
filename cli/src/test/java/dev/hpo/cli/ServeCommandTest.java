package dev.hpo.cli;

import dev.hpo.xgboost.TrainingMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hpo serve} in its own process answers a client with exactly the scores {@code hpo predict} prints, and stops on SIGTERM. */
class ServeCommandTest {
    private static final Pattern PORT = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void servedScoresAreThePredictedOnes() throws Exception {
        Random random = new Random(11);
        List<String> train = new ArrayList<>(), features = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double a = random.nextGaussian(), b = random.nextDouble() * 10, c = random.nextInt(5);
            int label = a + 0.3 * b - c * 0.5 + 0.5 * random.nextGaussian() > 1 ? 1 : 0;
            String row = String.format(Locale.ROOT, "%.6f,%.4f,%.0f", a, b, c);
            train.add(label + "," + row);
            if (i < 200) {
                features.add(row);
            }
        }
        Files.write(dir.resolve("train.csv"), train);
        Path data = Files.write(dir.resolve("features.csv"), features);
        Path model = dir.resolve("model");
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(0, TrainingMain.run(new String[] {"--num_round", "8", "--objective", "binary:logistic", "--nthread", "1"},
                Map.of("SM_CHANNEL_TRAIN", dir.resolve("train.csv").toString(), "SM_MODEL_DIR", model.toString()), quiet, quiet));

        ByteArrayOutputStream predicted = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(predicted, true, StandardCharsets.UTF_8);
        assertEquals(0, new Main(out, quiet).run(List.of("predict", model.toString(), data.toString())));

        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", model.toString(), "--port", "0", "--threads", "2")
                .redirectError(dir.resolve("serve.err").toFile()).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String banner = lines.readLine();
            Matcher port = PORT.matcher(banner == null ? "" : banner);
            assertTrue(port.find(), "serve printed no address: " + banner + " / " + Files.readString(dir.resolve("serve.err")));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/invocations"))
                            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(data)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(predicted.toString(StandardCharsets.UTF_8), response.body());
        } finally {
            serve.destroy(); // SIGTERM, as a service manager or CI would stop it
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
        assertTrue(Files.readString(dir.resolve("serve.err")).contains("hpo serve: stopping"));
    }
}
