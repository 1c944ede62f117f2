package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content types, the CSV check and the semicolon splitter: the small pieces of input handling. */
class InputFormatsTest {
    @TempDir
    Path dir;

    @Test
    void contentTypeFromHyperparameter() throws Exception {
        assertEquals(ContentType.CSV, ContentType.parse("text/csv"));
        assertEquals(ContentType.CSV, ContentType.parse("CSV"));
        assertEquals(ContentType.CSV, ContentType.parse("text/csv; label_size=1"));
        assertEquals(ContentType.LIBSVM, ContentType.parse("text/libsvm"));
        assertEquals(ContentType.LIBSVM, ContentType.parse("libsvm"));
        UsageException e = assertThrows(UsageException.class, () -> ContentType.parse("parquet"));
        assertTrue(e.getMessage().contains("content_type"), e.getMessage());
    }

    @Test
    void contentTypeFromExtensionThenFirstLine() throws Exception {
        assertEquals(Optional.of(ContentType.CSV), ContentType.fromFileName(Path.of("a/train.CSV")));
        assertEquals(Optional.of(ContentType.LIBSVM), ContentType.fromFileName(Path.of("train.libsvm")));
        assertEquals(Optional.empty(), ContentType.fromFileName(Path.of("train")));
        Path svm = Files.writeString(dir.resolve("a"), "\n1 0:0.5 3:1\n");
        Path csv = Files.writeString(dir.resolve("b"), "1,0.5,3\n");
        assertEquals(ContentType.LIBSVM, ContentType.of(svm));
        assertEquals(ContentType.CSV, ContentType.of(csv));
    }

    @Test
    void csvCheckAcceptsNumbersMissingValuesAndBlankLines() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.csv"), "1,0.5,-3e-2\r\n0, .25 ,\n\n1,nan,+7.\n0,1E5,inf");
        CsvCheck.check(ok, true); // no exception
    }

    @Test
    void csvCheckRefusesHeadersWordsRaggedRowsAndMissingLabels() throws Exception {
        assertRefused("y,x1,x2\n1,2,3\n", "line 1, column 1: 'y' is not a number (the CSV must not have a header row)");
        assertRefused("1,2,3\n0,abc,3\n", "line 2, column 2: 'abc'");
        assertRefused("1,2,3\n0,2\n", "line 2 has 2 columns, the first line has 3");
        assertRefused("1,2,3\n,2,3\n", "line 2 has no label");
        assertRefused("1,2,3\n0,1.2.3,3\n", "'1.2.3'");
        assertRefused("1,2,3\n0,1e,3\n", "'1e'");
    }

    private void assertRefused(String content, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), content);
        UsageException e = assertThrows(UsageException.class, () -> CsvCheck.check(file, true), content);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void numberRule() {
        for (String yes : List.of("0", "-1", "+2.5", ".5", "5.", "1e10", "1E-3", "NaN", "-inf", "Infinity")) {
            assertTrue(CsvCheck.isNumber(yes), yes);
        }
        for (String no : List.of("", "-", ".", "e5", "1e", "1.2.3", "abc", "0x10", "1,2", "nana")) {
            assertFalse(CsvCheck.isNumber(no), no);
        }
    }

    @Test
    void semicolonLinesWithQuotes() {
        assertEquals(List.of("56", "housemaid", "a;b", "say \"hi\"", ""),
                DelimitedLine.split("56;\"housemaid\";\"a;b\";\"say \"\"hi\"\"\";", ';'));
        assertThrows(IllegalArgumentException.class, () -> DelimitedLine.split("1;\"open", ';'));
    }

    @Test
    void xgboostMessagesLoseTimestampsLocationsAndStackTraces() {
        String raw = "[21:34:05] /workspace/dmlc-core/src/io/input_split_base.cc:175: Check failed: x : Cannot find file\n"
                + "Stack trace:\n  [bt] (0) /tmp/libxgboost4j.so(foo+0x6e) [0x7fb5]\n";
        assertEquals("Check failed: x : Cannot find file", XGBoostMessages.oneLine(raw));
    }
}
