package dev.hpo.xgboost;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text whose fields may be quoted ({@code "a;b"}, with {@code ""} for a
 * quote inside), as in the UCI bank files. Lines only: none of our inputs has a line break inside a
 * field, and reading line by line keeps line numbers for error messages.
 */
final class DelimitedLine {
    private DelimitedLine() {
    }

    /** @throws IllegalArgumentException if a quoted field is not closed */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
