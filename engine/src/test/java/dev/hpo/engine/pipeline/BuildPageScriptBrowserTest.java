package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hpo.engine.gate.GateDecision;
import dev.hpo.engine.model.ObjectiveStatus;
import dev.hpo.engine.model.TrainingJob;
import dev.hpo.engine.model.TrainingJobStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins build page's script (jenkins/src/main/resources/.../TuningBuildAction/dashboard.js) in a
 * real headless Chromium, fed with the engine's build page data: the table holds every training job,
 * and hostile names and reasons stay text. The page around it has the same parts (data-role) as the
 * plugin's index.jelly. Skipped where Chromium is not installed.
 */
class BuildPageScriptBrowserTest {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolveSibling("jenkins")
            .resolve("src/main/resources/dev/hpo/jenkins/model/TuningBuildAction/dashboard.js");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path profile;

    @Test
    void theScriptDrawsEveryTrainingJobAndKeepsUserTextAsText() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "headless Chromium is not installed");
        assumeTrue(Files.isRegularFile(SCRIPT), "the plugin's sources are not next to the engine");

        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<TrainingJob> jobs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            TrainingJob started = TrainingJob.started("job-" + i, i, Map.of(HOSTILE, "v" + i, "eta", "0." + i), t);
            jobs.add(i % 5 == 4
                    ? started.finished(TrainingJobStatus.Failed, ObjectiveStatus.Failed, null, "<script>alert(2)</script> failed", Map.of(), Map.of(), t.plusSeconds(3), 1)
                    : started.finished(TrainingJobStatus.Completed, ObjectiveStatus.Succeeded, 0.5 + i / 100.0, null, Map.of(), Map.of(), t.plusSeconds(3), 0));
        }
        String data = new ObjectMapper().writeValueAsString(BuildPageData.of(TuningResults.finished(0.74), jobs,
                new GateDecision(GateDecision.Outcome.UNSTABLE, List.of("UNSTABLE: best below <b>threshold</b>")), t, false));
        String page = "<!DOCTYPE html><html><head><script src=\"/dashboard.js\"></script></head><body>"
                + "<div id=\"hpo-dashboard\" data-url=\"/data\">"
                + "<p data-role=\"status\"></p><div data-role=\"best\"></div><div data-role=\"gate\"></div>"
                + "<div data-role=\"objective-chart\"></div><select data-role=\"status-filter\"><option value=\"\">all</option></select>"
                + "<table><thead><tr data-role=\"table-head\"></tr></thead><tbody data-role=\"table-body\"></tbody></table>"
                + "<p data-role=\"left-out\"></p></div></body></html>";

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(server, "/", "text/html", page.getBytes(StandardCharsets.UTF_8));
        serve(server, "/dashboard.js", "text/javascript", Files.readAllBytes(SCRIPT));
        serve(server, "/data", "application/json", data.getBytes(StandardCharsets.UTF_8));
        server.start();
        String dom;
        try {
            Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(browser.waitFor(120, TimeUnit.SECONDS), "chromium did not end");
        } finally {
            server.stop(0);
        }

        String body = section(dom, "<tbody data-role=\"table-body\">", "</tbody>");
        assertEquals(25, count(body, "<tr>"), body);
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "the hostile name is shown as text");
        assertFalse(dom.contains("<img"), "no element was made from user text");
        assertFalse(dom.contains("<script>alert(2)"), "no script was made from a failure reason");
        assertTrue(body.contains("&lt;script&gt;alert(2)&lt;/script&gt; failed"), body);
        assertTrue(dom.contains("Quality gate: UNSTABLE"), dom);
        assertTrue(dom.contains("best below &lt;b&gt;threshold&lt;/b&gt;"), dom);
        assertTrue(dom.contains("Best training job t-001-abc"), dom);
        assertTrue(dom.contains("0 stopped, 9 s elapsed"), "the job's own runtime, from creation to its end: " + dom);
    }

    private static void serve(HttpServer server, String path, String type, byte[] content) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            } catch (IOException ignored) {
                // the browser went away
            }
        });
    }

    private static String section(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, text);
        return text.substring(from, text.indexOf(end, from));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
