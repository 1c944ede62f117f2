package dev.hpo.engine.report;

/**
 * JSON made safe to sit inside an HTML {@code <script type="application/json">} element. The HTML
 * parser ends a script element at the first {@code </script}, whatever JSON thinks of it, and a
 * {@code <!--} changes how it reads on; escaping every {@code <}, {@code >} and {@code &} as a JSON
 * unicode escape rules both out while JSON.parse still reads the same string. U+2028 and U+2029 are
 * escaped too, because older JavaScript parsers treat them as line breaks inside strings.
 * These characters only occur inside JSON strings, so replacing them everywhere is exact.
 */
public final class EmbeddedJson {
    private EmbeddedJson() {
    }

    public static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
