package dev.hpo.xgboost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a CSV file is what XGBoost's CSV parser silently assumes: numbers only and the same
 * number of columns on every line.
 *
 * <p>XGBoost reads a header row, a word or a short row without complaint, as zeros or missing values,
 * and trains on garbage. A header left in the file is the commonest data mistake with the built-in
 * algorithm, so every CSV is scanned once before XGBoost loads it. The scan is a byte-level state
 * machine that allocates nothing per field, because it runs in every training job: on the bank data
 * it costs a few tens of milliseconds.
 */
final class CsvCheck {
    private static final int BUFFER = 1 << 16;

    // States of one field.
    private static final int START = 0;      // nothing but blanks yet
    private static final int SIGN = 1;       // '+' or '-'
    private static final int INTEGER = 2;    // digits
    private static final int POINT = 3;      // '.' with no digit before it
    private static final int FRACTION = 4;   // digits after '.', or "1."
    private static final int EXPONENT = 5;   // 'e'
    private static final int EXP_SIGN = 6;   // 'e' then sign
    private static final int EXP_DIGITS = 7; // exponent digits
    private static final int WORD = 8;       // letters: only nan, inf, infinity are numbers
    private static final int TRAILING = 9;   // blanks after a complete value
    private static final int BAD = 10;

    private CsvCheck() {
    }

    /**
     * @param labelFirst whether the first column is a label, which must not be empty
     * @return the number of columns on every line (0 for a file of blank lines)
     */
    static int check(Path file, boolean labelFirst) throws UsageException, IOException {
        byte[] buffer = new byte[BUFFER];
        long line = 1;
        int column = 1;
        int expectedColumns = -1;
        int state = START;
        boolean lineEmpty = true;
        long word = 0; // up to 8 lower-case letters of a WORD field, packed
        int wordLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i];
                    if (b == ',' || b == '\n') {
                        if (b == '\n' && lineEmpty) {
                            line++; // a blank line: XGBoost skips it, so do we
                            state = START;
                            continue;
                        }
                        if (!complete(state, word, wordLength) || (state == START && labelFirst && column == 1)) {
                            throw fieldError(file, line, column, labelFirst);
                        }
                        if (b == ',') {
                            column++;
                            lineEmpty = false;
                        } else {
                            expectedColumns = checkWidth(file, line, column, expectedColumns);
                            line++;
                            column = 1;
                            lineEmpty = true;
                        }
                        state = START;
                        word = 0;
                        wordLength = 0;
                        continue;
                    }
                    if (b == '\r') {
                        continue;
                    }
                    lineEmpty &= b == ' ' || b == '\t';
                    if (state == WORD && b != ' ' && b != '\t') {
                        if (wordLength < 8 && Character.isLetter(b)) {
                            word = (word << 8) | Character.toLowerCase(b);
                            wordLength++;
                        } else {
                            state = BAD;
                        }
                        continue;
                    }
                    state = next(state, b);
                    if (state == WORD) {
                        word = Character.toLowerCase(b);
                        wordLength = 1;
                    }
                }
            }
        }
        if (!lineEmpty) {
            if (!complete(state, word, wordLength) || (state == START && labelFirst && column == 1)) {
                throw fieldError(file, line, column, labelFirst);
            }
            expectedColumns = checkWidth(file, line, column, expectedColumns);
        }
        return Math.max(0, expectedColumns);
    }

    private static int next(int state, int b) {
        boolean digit = b >= '0' && b <= '9';
        boolean blank = b == ' ' || b == '\t';
        switch (state) {
            case START:
                if (blank) {
                    return START;
                }
                if (digit) {
                    return INTEGER;
                }
                if (b == '+' || b == '-') {
                    return SIGN;
                }
                if (b == '.') {
                    return POINT;
                }
                return Character.isLetter(b) ? WORD : BAD;
            case SIGN:
                if (digit) {
                    return INTEGER;
                }
                if (b == '.') {
                    return POINT;
                }
                return Character.isLetter(b) ? WORD : BAD;
            case INTEGER:
                if (digit) {
                    return INTEGER;
                }
                if (b == '.') {
                    return FRACTION;
                }
                return exponentOrEnd(b, blank);
            case POINT:
                return digit ? FRACTION : BAD;
            case FRACTION:
                return digit ? FRACTION : exponentOrEnd(b, blank);
            case EXPONENT:
                if (digit) {
                    return EXP_DIGITS;
                }
                return b == '+' || b == '-' ? EXP_SIGN : BAD;
            case EXP_SIGN:
                return digit ? EXP_DIGITS : BAD;
            case EXP_DIGITS:
                return digit ? EXP_DIGITS : blank ? TRAILING : BAD;
            case TRAILING:
                return blank ? TRAILING : BAD;
            default:
                return BAD;
        }
    }

    private static int exponentOrEnd(int b, boolean blank) {
        if (b == 'e' || b == 'E') {
            return EXPONENT;
        }
        return blank ? TRAILING : BAD;
    }

    private static final long NAN = pack("nan");
    private static final long INF = pack("inf");
    private static final long INFINITY = pack("infinity");

    private static long pack(String s) {
        long w = 0;
        for (int i = 0; i < s.length(); i++) {
            w = (w << 8) | s.charAt(i);
        }
        return w;
    }

    /** Whether a field that ends in this state is a number, or empty (a missing value). */
    private static boolean complete(int state, long word, int wordLength) {
        switch (state) {
            case START: case INTEGER: case FRACTION: case EXP_DIGITS: case TRAILING:
                return true;
            case WORD:
                return wordLength <= 8 && (word == NAN || word == INF || word == INFINITY);
            default:
                return false;
        }
    }

    private static int checkWidth(Path file, long line, int columns, int expected) throws UsageException {
        if (expected >= 0 && columns != expected) {
            throw new UsageException("data file " + file + " line " + line + " has " + columns
                    + " columns, the first line has " + expected + "; every CSV row must have the same columns");
        }
        return columns;
    }

    /** The rare path: read the offending line again to quote the field. */
    private static UsageException fieldError(Path file, long line, int column, boolean labelFirst) throws IOException {
        String field = "";
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String text = null;
            for (long l = 1; l <= line; l++) {
                text = reader.readLine();
            }
            if (text != null) {
                String[] fields = text.split(",", -1);
                field = column <= fields.length ? fields[column - 1].trim() : "";
            }
        }
        if (field.isEmpty() && labelFirst && column == 1) {
            return new UsageException("data file " + file + " line " + line + " has no label in the first column");
        }
        String hint = line == 1 ? " (the CSV must not have a header row)" : "";
        if (field.length() > 40) {
            field = field.substring(0, 40) + "...";
        }
        return new UsageException("data file " + file + " line " + line + ", column " + column + ": '" + field
                + "' is not a number" + hint + "; CSV input is numbers only" + (labelFirst ? ", label first" : ""));
    }

    /** For tests and callers that hold one value: the same rule as the scan. */
    static boolean isNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        int state = START;
        long word = 0;
        int wordLength = 0;
        for (int i = 0; i < t.length(); i++) {
            int b = t.charAt(i);
            if (state == WORD) {
                if (wordLength < 8 && Character.isLetter(b)) {
                    word = (word << 8) | Character.toLowerCase(b);
                    wordLength++;
                } else {
                    state = BAD;
                }
                continue;
            }
            state = next(state, b);
            if (state == WORD) {
                word = Character.toLowerCase(b);
                wordLength = 1;
            }
        }
        return complete(state, word, wordLength) && state != START;
    }

}
