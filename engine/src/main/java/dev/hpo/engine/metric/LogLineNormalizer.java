package dev.hpo.engine.metric;

/**
 * Turns a raw log line into the text a person sees in a terminal, so regexes match what users read.
 *
 * <ul>
 *   <li>ANSI/ECMA-48 escape sequences are removed: CSI ({@code ESC [ ... final}, e.g. colours),
 *       OSC ({@code ESC ] ... BEL} or {@code ... ESC \}, e.g. hyperlinks), the other string
 *       sequences (DCS, SOS, PM, APC) and two-character escapes. An unterminated sequence at the end
 *       of the line is dropped with it. Without this, {@code val_f1=ESC[36m0.70} never matches
 *       {@code val_f1=([0-9.]+)}.</li>
 *   <li>A backspace moves the cursor one character left without erasing, and later characters
 *       overwrite, as on a terminal. Keras prints a progress bar, then a run of backspaces, then
 *       {@code \r}: the bar stays readable, and {@code "x\b_"} becomes {@code "_"}.
 *       (A surrogate pair counts as two positions here; terminals disagree anyway.)</li>
 * </ul>
 * Tabs and every other character are kept as they are.
 */
public final class LogLineNormalizer {

    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';
    private static final char BACKSPACE = '\b';
    private static final char CSI_8BIT = '\u009b';
    private static final char OSC_8BIT = '\u009d';
    private static final char ST_8BIT = '\u009c';

    private LogLineNormalizer() {
    }

    public static String normalize(String line) {
        if (!needsWork(line)) {
            return line; // the common case: no allocation
        }
        StringBuilder out = new StringBuilder(line.length());
        int cursor = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = skipEscape(line, i);
            } else if (c == CSI_8BIT) {
                i = skipCsiBody(line, i + 1);
            } else if (c == OSC_8BIT) {
                i = skipStringBody(line, i + 1);
            } else if (c == BACKSPACE) {
                cursor = Math.max(0, cursor - 1);
                i++;
            } else {
                if (cursor < out.length()) {
                    out.setCharAt(cursor, c);
                } else {
                    out.append(c);
                }
                cursor++;
                i++;
            }
        }
        return out.toString();
    }

    private static boolean needsWork(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ESC || c == BACKSPACE || c == CSI_8BIT || c == OSC_8BIT) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index just after the escape sequence that starts with ESC at {@code escAt}. */
    private static int skipEscape(String line, int escAt) {
        int i = escAt + 1;
        if (i >= line.length()) {
            return i;
        }
        char kind = line.charAt(i);
        switch (kind) {
            case '[':
                return skipCsiBody(line, i + 1);
            case ']', 'P', 'X', '^', '_':
                return skipStringBody(line, i + 1);
            default:
                break;
        }
        if (kind >= 0x20 && kind <= 0x2f) { // nF: intermediates, then one final byte (e.g. ESC ( B)
            while (i < line.length() && line.charAt(i) >= 0x20 && line.charAt(i) <= 0x2f) {
                i++;
            }
            return i < line.length() && isFinalOfNf(line.charAt(i)) ? i + 1 : i;
        }
        if (kind >= 0x30 && kind <= 0x7e) { // Fp, Fe, Fs: ESC plus one character (e.g. ESC 7, ESC M)
            return i + 1;
        }
        return i; // a stray ESC: drop only the ESC itself
    }

    private static boolean isFinalOfNf(char c) {
        return c >= 0x30 && c <= 0x7e;
    }

    /**
     * CSI body: parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
     * Stops early (keeping the character) at anything else, so malformed input cannot eat real text.
     */
    private static int skipCsiBody(String line, int from) {
        int i = from;
        int n = line.length();
        while (i < n && line.charAt(i) >= 0x30 && line.charAt(i) <= 0x3f) {
            i++;
        }
        while (i < n && line.charAt(i) >= 0x20 && line.charAt(i) <= 0x2f) {
            i++;
        }
        if (i < n && line.charAt(i) >= 0x40 && line.charAt(i) <= 0x7e) {
            i++;
        }
        return i;
    }

    /** OSC and other string sequences end at BEL, ESC backslash or the 8-bit ST; else at line end. */
    private static int skipStringBody(String line, int from) {
        int n = line.length();
        for (int i = from; i < n; i++) {
            char c = line.charAt(i);
            if (c == BEL || c == ST_8BIT) {
                return i + 1;
            }
            if (c == ESC && i + 1 < n && line.charAt(i + 1) == '\\') {
                return i + 2;
            }
        }
        return n;
    }
}
