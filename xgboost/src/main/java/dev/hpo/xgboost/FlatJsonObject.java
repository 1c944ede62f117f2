package dev.hpo.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a flat JSON object whose values are strings, numbers, booleans or null, such as SageMaker's
 * {@code SM_HPS} ({@code {"eta":0.2,"objective":"binary:logistic"}}), into a map of strings.
 *
 * <p>Why not Jackson: the training job's child process should start fast, and loading a general
 * JSON library costs more than the job's first rounds on small data. Numbers keep their literal text
 * ({@code 5} stays {@code "5"}, {@code 0.10} stays {@code "0.10"}) so nothing is lost in a round trip.
 */
final class FlatJsonObject {
    private final String text;
    private int pos;

    private FlatJsonObject(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException with a message that says where the text is wrong */
    static Map<String, String> parse(String json) {
        FlatJsonObject parser = new FlatJsonObject(json);
        Map<String, String> values = parser.object();
        parser.skipWhitespace();
        if (parser.pos != json.length()) {
            throw parser.error("unexpected text after the object");
        }
        return values;
    }

    private Map<String, String> object() {
        Map<String, String> values = new LinkedHashMap<>();
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return values;
        }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            values.put(key, value(key));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return values;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private String value(String key) {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw error("the value of \"" + key + "\" is an object or array; only strings, numbers and booleans are allowed");
        }
        int start = pos;
        while (pos < text.length() && ",} \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.equals("true") || literal.equals("false")) {
            return literal;
        }
        if (literal.equals("null")) {
            return "";
        }
        if (!literal.matches("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?")) {
            pos = start;
            throw error("the value of \"" + key + "\" is not a string, number, boolean or null");
        }
        return literal;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
