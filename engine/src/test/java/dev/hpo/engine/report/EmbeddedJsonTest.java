package dev.hpo.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EmbeddedJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void nothingInsideCanEndTheScriptElementAndTheValueReadsBackTheSame() throws Exception {
        String hostile = "</script><img src=x onerror=alert(1)> <!-- & \u2028\u2029";
        String text = json.writeValueAsString(Map.of(hostile, hostile));
        String embedded = EmbeddedJson.escape(text);
        for (String bad : new String[]{"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(embedded.contains(bad), "still holds " + bad);
        }
        assertEquals(Map.of(hostile, hostile), json.readValue(embedded, Map.class));
    }

    @Test
    void htmlTextEscapesTheCharactersThatEndContentOrAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", HtmlText.escape("<a href=\"x\" title='y'>&"));
    }
}
