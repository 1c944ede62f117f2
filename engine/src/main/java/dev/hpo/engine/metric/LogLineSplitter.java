package dev.hpo.engine.metric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns the bytes a training process writes (stdout or stderr, UTF-8) into lines, with bounded memory.
 *
 * <p><b>Line ends.</b> {@code \n}, {@code \r\n} and a lone {@code \r} each end a line, so every progress
 * bar redraw ({@code \r}) is a line of its own; a {@code \r\n} split across two {@link #feed} calls is
 * still one line end. The terminators are not part of the emitted line.
 *
 * <p><b>Decoding.</b> UTF-8; malformed or truncated byte sequences become U+FFFD rather than failing,
 * because one bad byte must not lose a job's metrics. A character split across feed calls is joined.
 *
 * <p><b>Long lines.</b> A line longer than {@code maxLineChars} is cut: its first {@code maxLineChars}
 * characters are emitted as soon as the limit is passed (so metrics keep flowing) and the rest, up to the
 * next line end, is discarded and counted in {@link #discardedChars()}; a {@link LogLineSink} is told
 * the line was cut, so the job's warnings can say a value past the cap was not seen. We cut rather than split into
 * several lines because a fragment that starts mid-line would match regexes anchored to a line's start
 * and report values the process never printed as such. Memory stays at about {@code maxLineChars} chars
 * even for a 100 MB line with no newline.
 *
 * <p>Not thread-safe: use one splitter per stream.
 */
public final class LogLineSplitter {

    /** Default cap: 1 MiB of chars, far above any real log line, far below a memory problem. */
    public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;

    private static final int BUFFER_SIZE = 8192;

    private final int maxLineChars;
    private final LogLineSink lineSink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    private final StringBuilder line = new StringBuilder();

    private boolean afterCarriageReturn;
    private boolean discarding;
    private long discardedChars;
    private long truncatedLines;
    private long emittedLines;

    private LogLineSplitter(int maxLineChars, LogLineSink lineSink) {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be positive, got " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        this.lineSink = Objects.requireNonNull(lineSink, "lineSink");
    }

    public LogLineSplitter(int maxLineChars, Consumer<String> lineSink) {
        this(maxLineChars, ignoringCuts(lineSink));
    }

    /** A splitter that tells its sink which lines were cut at the cap (a named factory: a lambda would fit either constructor). */
    public static LogLineSplitter reportingCuts(int maxLineChars, LogLineSink lineSink) {
        return new LogLineSplitter(maxLineChars, lineSink);
    }

    public LogLineSplitter(Consumer<String> lineSink) {
        this(DEFAULT_MAX_LINE_CHARS, lineSink);
    }

    /** Reads the stream to its end, emitting every line, then flushes a last partial line. */
    public static void pump(InputStream in, int maxLineChars, Consumer<String> sink) throws IOException {
        pumpReportingCuts(in, maxLineChars, ignoringCuts(sink));
    }

    /** As {@link #pump(InputStream, int, Consumer)}, telling the sink which lines were cut at the cap. */
    public static void pumpReportingCuts(InputStream in, int maxLineChars, LogLineSink sink) throws IOException {
        LogLineSplitter splitter = new LogLineSplitter(maxLineChars, sink);
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            splitter.feed(buffer, 0, n);
        }
        splitter.finish();
    }

    /**
     * The cap in words, for messages: "1 MiB" for the default (a char of ASCII output is a byte), else
     * the number of characters.
     */
    public static String describeCap(int maxLineChars) {
        return maxLineChars % (1 << 20) == 0 ? (maxLineChars >> 20) + " MiB" : maxLineChars + " characters";
    }

    private static LogLineSink ignoringCuts(Consumer<String> sink) {
        Objects.requireNonNull(sink, "lineSink");
        return (text, cut) -> sink.accept(text);
    }

    public void feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        while (len > 0) {
            int n = Math.min(bytes.remaining(), len);
            bytes.put(buf, off, n);
            off += n;
            len -= n;
            bytes.flip();
            decode(false);
            bytes.compact(); // keeps the bytes of a character that is not complete yet
        }
    }

    /**
     * Ends the input: incomplete trailing bytes become U+FFFD and a last line without a terminator is
     * emitted. The splitter can be reused afterwards as if new (counters are kept).
     */
    public void finish() {
        bytes.flip();
        decode(true);
        chars.clear();
        decoder.flush(chars);
        drainChars();
        bytes.clear();
        decoder.reset();
        if (!discarding && line.length() > 0) {
            emit(line.toString(), false);
        }
        line.setLength(0);
        discarding = false;
        afterCarriageReturn = false;
    }

    /** Characters dropped because their line exceeded the cap. */
    public long discardedChars() {
        return discardedChars;
    }

    /** Lines that were cut at the cap. */
    public long truncatedLines() {
        return truncatedLines;
    }

    public long emittedLines() {
        return emittedLines;
    }

    public int maxLineChars() {
        return maxLineChars;
    }

    private void decode(boolean endOfInput) {
        CoderResult result;
        do {
            chars.clear();
            result = decoder.decode(bytes, chars, endOfInput);
            drainChars();
        } while (result.isOverflow());
    }

    private void drainChars() {
        chars.flip();
        while (chars.hasRemaining()) {
            accept(chars.get());
        }
        chars.clear();
    }

    private void accept(char c) {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (c == '\n') {
                return; // second half of \r\n
            }
        }
        if (c == '\n' || c == '\r') {
            endLine();
            afterCarriageReturn = c == '\r';
        } else if (discarding) {
            discardedChars++;
        } else if (line.length() == maxLineChars) {
            cutLine();
            discardedChars++;
        } else {
            line.append(c);
        }
    }

    private void endLine() {
        if (!discarding) {
            emit(line.toString(), false);
        }
        discarding = false;
        line.setLength(0);
    }

    private void cutLine() {
        int keep = line.length();
        if (Character.isHighSurrogate(line.charAt(keep - 1))) {
            keep--; // never emit half a character
            discardedChars++;
        }
        emit(line.substring(0, keep), true);
        truncatedLines++;
        discarding = true;
        line.setLength(0);
        line.trimToSize(); // do not keep a cap-sized buffer alive for the rest of the job
    }

    private void emit(String text, boolean cut) {
        emittedLines++;
        lineSink.line(text, cut);
    }
}
