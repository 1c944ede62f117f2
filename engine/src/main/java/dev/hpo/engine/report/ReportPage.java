package dev.hpo.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard as one self-contained HTML file: the page's own script and style, the chart library
 * (ECharts from its WebJar) and the data, all inline, so it opens from disk or a CI artifact with no
 * network. User data travels only inside the JSON block and reaches the page through textContent.
 */
public final class ReportPage {
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ReportPage() {
    }

    public static String render(ObjectNode data) {
        String json;
        try {
            json = COMPACT.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String title = "hpo: " + data.path("job").path("name").asText();
        int refresh = data.path("refreshSeconds").asInt(0);
        String template = resource("dev/hpo/engine/report/report.html");
        // each placeholder is replaced once, in an order where no inserted text can hold a later placeholder
        return template
                .replace("{{refresh}}", refresh > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refresh + "\">" : "")
                .replace("{{title}}", HtmlText.escape(title))
                .replace("{{style}}", resource("dev/hpo/engine/report/report.css"))
                .replace("{{script}}", resource("dev/hpo/engine/report/report.js"))
                .replace("{{echarts}}", resource(ECHARTS))
                .replace("{{data}}", EmbeddedJson.escape(json));
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (is the echarts WebJar on the classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
