package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineSplitterTest {

    private final List<String> lines = new ArrayList<>();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> splitWhole(String text) {
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        byte[] bytes = utf8(text);
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        return lines;
    }

    @Test
    void newlineCrLfAndLoneCrEachEndALine() {
        assertEquals(List.of("a", "b", "c", "d"), splitWhole("a\nb\r\nc\rd\n"));
    }

    @Test
    void progressBarRedrawsAreSeparateLines() {
        assertEquals(List.of("", " 10%", " 50%", "100%", "done"), splitWhole("\r 10%\r 50%\r100%\ndone"));
    }

    @Test
    void emptyLinesAreKept() {
        assertEquals(List.of("a", "", "b"), splitWhole("a\n\nb\n"));
    }

    @Test
    void lastLineWithoutTerminatorIsFlushedByFinish() {
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        byte[] bytes = utf8("x\npartial");
        splitter.feed(bytes, 0, bytes.length);
        assertEquals(List.of("x"), lines);
        splitter.finish();
        assertEquals(List.of("x", "partial"), lines);
    }

    @Test
    void crLfSplitAcrossFeedsIsOneLineEnd() {
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        byte[] first = utf8("loss=1\r");
        byte[] second = utf8("\nloss=2\n");
        splitter.feed(first, 0, first.length);
        splitter.feed(second, 0, second.length);
        splitter.finish();
        assertEquals(List.of("loss=1", "loss=2"), lines);
    }

    @Test
    void crAtEndFollowedByOtherTextIsALineEnd() {
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        byte[] first = utf8("a\r");
        byte[] second = utf8("b");
        splitter.feed(first, 0, first.length);
        splitter.feed(second, 0, second.length);
        splitter.finish();
        assertEquals(List.of("a", "b"), lines);
    }

    @Test
    void multibyteCharacterSplitAcrossFeedsIsJoined() {
        byte[] bytes = utf8("µ=0.5 €\uD83D\uDE00\n"); // 2-, 3- and 4-byte characters
        for (int cut = 1; cut < bytes.length; cut++) {
            lines.clear();
            LogLineSplitter splitter = new LogLineSplitter(lines::add);
            splitter.feed(bytes, 0, cut);
            splitter.feed(bytes, cut, bytes.length - cut);
            splitter.finish();
            assertEquals(List.of("µ=0.5 €\uD83D\uDE00"), lines, "cut at byte " + cut);
        }
    }

    @Test
    void everyByteFedSeparately() {
        byte[] bytes = utf8("é\r\nè\rü\n");
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        for (int i = 0; i < bytes.length; i++) {
            splitter.feed(bytes, i, 1);
        }
        splitter.finish();
        assertEquals(List.of("é", "è", "ü"), lines);
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() {
        byte[] bytes = {'a', (byte) 0xff, 'b', '\n', 'c', (byte) 0xe2, (byte) 0x82};
        LogLineSplitter splitter = new LogLineSplitter(lines::add);
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        assertEquals(List.of("a\uFFFDb", "c\uFFFD"), lines);
    }

    @Test
    void longLineIsCutAtTheCapAndTheRestDiscarded() {
        LogLineSplitter splitter = new LogLineSplitter(4, lines::add);
        byte[] bytes = utf8("abcdefgh\nxy\nwxyz\n");
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        assertEquals(List.of("abcd", "xy", "wxyz"), lines);
        assertEquals(4, splitter.discardedChars());
        assertEquals(1, splitter.truncatedLines());
    }

    @Test
    void aCutLineIsMarkedAsCutAndALineExactlyAtTheCapIsNot() {
        List<String> marked = new ArrayList<>();
        LogLineSplitter splitter = LogLineSplitter.reportingCuts(4, (text, cut) -> marked.add(text + (cut ? " [cut]" : "")));
        byte[] bytes = utf8("abcdefgh\nwxyz\nab");
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        assertEquals(List.of("abcd [cut]", "wxyz", "ab"), marked);
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        LogLineSplitter splitter = new LogLineSplitter(2, lines::add);
        byte[] bytes = utf8("a\uD83D\uDE00b\n");
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        assertEquals(List.of("a"), lines);
    }

    @Test
    void hundredMegabyteLineWithoutNewlineStaysBounded() throws IOException {
        long size = 100L * 1024 * 1024;
        InputStream endless = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        List<Integer> lengths = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> LogLineSplitter.pump(endless, LogLineSplitter.DEFAULT_MAX_LINE_CHARS, l -> lengths.add(l.length())));
        assertEquals(List.of(LogLineSplitter.DEFAULT_MAX_LINE_CHARS), lengths);
    }

    @Test
    void pumpReadsAStreamToTheEnd() throws IOException {
        LogLineSplitter.pump(new ByteArrayInputStream(utf8("one\r\ntwo\nthree")), 100, lines::add);
        assertEquals(List.of("one", "two", "three"), lines);
    }
}
