package dev.hpo.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankMarketingPreparationTest {
    private static final int ROWS = 41_188;
    private static final String[] SPLITS = {"train.csv", "validation.csv", "test.csv"};

    @TempDir
    Path dir;

    @Test
    void realFileSplits70_20_10WithConsistentColumnsAndBinaryLabels() throws Exception {
        Path out = TestData.prepared();
        List<String> features = Files.readAllLines(out.resolve("features.txt"));
        assertEquals(59, features.size());
        assertEquals(List.of("age", "campaign", "pdays", "previous", "no_previous_contact", "not_working",
                "job_admin.", "job_blue-collar"), features.subList(0, 8));
        assertEquals("poutcome_success", features.get(58));
        for (String dropped : BankMarketingPreparation.DROPPED) {
            assertFalse(features.contains(dropped), dropped);
        }

        int[] expected = {28_831, 8_238, 4_119}; // int(0.7 n), int(0.9 n) - int(0.7 n), the rest
        int total = 0;
        int positives = 0;
        for (int s = 0; s < SPLITS.length; s++) {
            List<String> lines = Files.readAllLines(out.resolve(SPLITS[s]));
            assertEquals(expected[s], lines.size(), SPLITS[s]);
            for (String line : lines) {
                String[] fields = line.split(",", -1);
                assertEquals(features.size() + 1, fields.length, line);
                assertTrue(fields[0].equals("0") || fields[0].equals("1"), line);
                positives += fields[0].equals("1") ? 1 : 0;
            }
            total += lines.size();
        }
        assertEquals(ROWS, total);
        assertEquals(4_640, positives); // y = "yes" rows in bank-additional-full.csv
    }

    /**
     * The files of SageMaker's direct-marketing notebook: its pandas code (get_dummies, then
     * sample(frac=1, random_state=1729) and np.split at 70 % and 90 %) run with pandas 1.5.3 and
     * numpy 1.24 on the same raw file gives these bytes. Same rows in the same splits is what makes
     * an AUC measured on them (by SageMaker's example, by Optuna with Python XGBoost) comparable.
     */
    @Test
    void defaultSplitIsTheOneThePythonExampleMakes() throws Exception {
        Path out = TestData.prepared();
        assertEquals("24cc5f6548a8ea48e8e1f17eacce13d7", md5(out.resolve("train.csv")));
        assertEquals("14981c6703b27ff0f05daeee83315352", md5(out.resolve("validation.csv")));
        assertEquals("0f2e4bd0377595308f5deafaeec15b4b", md5(out.resolve("test.csv")));
    }

    private static String md5(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedOnlyReordersRows() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        BankMarketingPreparation.Summary summary = BankMarketingPreparation.prepare(TestData.raw(), a, 1729);
        BankMarketingPreparation.prepare(TestData.raw(), b, 1729);
        BankMarketingPreparation.prepare(TestData.raw(), c, 42);
        assertEquals(ROWS, summary.rows());
        assertEquals(28_831, summary.trainRows());
        assertEquals(1729, summary.seed());
        for (String name : new String[] {"train.csv", "validation.csv", "test.csv", "features.txt"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        assertFalse(Files.readString(a.resolve("train.csv")).equals(Files.readString(c.resolve("train.csv"))));
        assertEquals(allRowsSorted(a), allRowsSorted(c));
        // the default seed is the one the shared fixture used
        assertArrayEquals(Files.readAllBytes(TestData.prepared().resolve("train.csv")), Files.readAllBytes(a.resolve("train.csv")));
    }

    private static List<String> allRowsSorted(Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String split : SPLITS) {
            rows.addAll(Files.readAllLines(out.resolve(split)));
        }
        Collections.sort(rows);
        return rows;
    }

    private static final String HEADER = "\"age\";\"job\";\"marital\";\"education\";\"default\";\"housing\";\"loan\";"
            + "\"contact\";\"month\";\"day_of_week\";\"duration\";\"campaign\";\"pdays\";\"previous\";\"poutcome\";"
            + "\"emp.var.rate\";\"cons.price.idx\";\"cons.conf.idx\";\"euribor3m\";\"nr.employed\";\"y\"";

    private static final List<String> TINY = List.of(
            HEADER,
            "56;\"housemaid\";\"married\";\"basic.4y\";\"no\";\"no\";\"no\";\"telephone\";\"may\";\"mon\";261;1;999;0;\"nonexistent\";1.1;93.994;-36.4;4.857;5191;\"no\"",
            "23;\"student\";\"single\";\"university.degree\";\"no\";\"yes\";\"no\";\"cellular\";\"aug\";\"thu\";120;2;6;1;\"success\";-1.8;92.893;-46.2;1.313;5099.1;\"yes\"",
            "71;\"retired\";\"divorced\";\"unknown\";\"unknown\";\"no\";\"yes\";\"cellular\";\"may\";\"fri\";88;3;999;2;\"failure\";-1.8;92.893;-46.2;1.313;5099.1;\"yes\"",
            "35;\"admin.\";\"married\";\"high.school\";\"no\";\"yes\";\"no\";\"telephone\";\"jun\";\"mon\";30;4;3;1;\"success\";1.4;94.465;-41.8;4.961;5228.1;\"no\"");

    @Test
    void engineeredAndOneHotColumnsOfKnownRows() throws Exception {
        Path raw = Files.write(dir.resolve("tiny.csv"), TINY, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        BankMarketingPreparation.Summary summary = BankMarketingPreparation.prepare(raw, out, 1729);
        assertEquals(4, summary.rows());
        assertEquals(2, summary.positives());
        // int(0.7 * 4) = 2, int(0.9 * 4) = 3
        assertEquals(List.of(2, 1, 1), List.of(summary.trainRows(), summary.validationRows(), summary.testRows()));

        List<String> features = Files.readAllLines(out.resolve("features.txt"));
        assertEquals(List.of("age", "campaign", "pdays", "previous", "no_previous_contact", "not_working",
                "job_admin.", "job_housemaid", "job_retired", "job_student",
                "marital_divorced", "marital_married", "marital_single",
                "education_basic.4y", "education_high.school", "education_university.degree", "education_unknown",
                "default_no", "default_unknown", "housing_no", "housing_yes", "loan_no", "loan_yes",
                "contact_cellular", "contact_telephone", "month_aug", "month_jun", "month_may",
                "day_of_week_fri", "day_of_week_mon", "day_of_week_thu",
                "poutcome_failure", "poutcome_nonexistent", "poutcome_success"), features);
        assertEquals(features, summary.featureNames());

        Map<String, Map<String, String>> byAge = new HashMap<>();
        for (String split : SPLITS) {
            for (String line : Files.readAllLines(out.resolve(split))) {
                String[] fields = line.split(",");
                Map<String, String> row = new HashMap<>();
                row.put("label", fields[0]);
                for (int i = 0; i < features.size(); i++) {
                    row.put(features.get(i), fields[i + 1]);
                }
                byAge.put(row.get("age"), row);
            }
        }
        assertEquals(4, byAge.size());

        Map<String, String> housemaid = byAge.get("56");
        assertEquals("0", housemaid.get("label"));
        assertEquals("1", housemaid.get("no_previous_contact")); // pdays 999
        assertEquals("0", housemaid.get("not_working"));
        assertEquals("999", housemaid.get("pdays"));
        assertEquals("1", housemaid.get("campaign"));
        assertOneHot(housemaid, features, "job_housemaid", "marital_married", "education_basic.4y", "default_no",
                "housing_no", "loan_no", "contact_telephone", "month_may", "day_of_week_mon", "poutcome_nonexistent");

        Map<String, String> student = byAge.get("23");
        assertEquals("1", student.get("label"));
        assertEquals("0", student.get("no_previous_contact")); // pdays 6
        assertEquals("1", student.get("not_working"));
        assertOneHot(student, features, "job_student", "marital_single", "education_university.degree",
                "default_no", "housing_yes", "loan_no", "contact_cellular", "month_aug", "day_of_week_thu",
                "poutcome_success");

        Map<String, String> retired = byAge.get("71");
        assertEquals("1", retired.get("label"));
        assertEquals("1", retired.get("no_previous_contact"));
        assertEquals("1", retired.get("not_working"));
        assertEquals("2", retired.get("previous"));

        Map<String, String> admin = byAge.get("35");
        assertEquals("0", admin.get("label"));
        assertEquals("0", admin.get("no_previous_contact"));
        assertEquals("0", admin.get("not_working"));
    }

    private static void assertOneHot(Map<String, String> row, List<String> features, String... hot) {
        List<String> hotList = List.of(hot);
        for (String f : features.subList(6, features.size())) {
            assertEquals(hotList.contains(f) ? "1" : "0", row.get(f), f);
        }
    }

    @Test
    void gzipInputIsRecognisedByContent() throws Exception {
        Path plain = Files.write(dir.resolve("tiny.csv"), TINY, StandardCharsets.UTF_8);
        Path gz = dir.resolve("tiny.data");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(plain));
        }
        BankMarketingPreparation.prepare(plain, dir.resolve("p"), 5);
        BankMarketingPreparation.prepare(gz, dir.resolve("g"), 5);
        for (String name : new String[] {"train.csv", "validation.csv", "test.csv", "features.txt"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("p").resolve(name)), Files.readAllBytes(dir.resolve("g").resolve(name)));
        }
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        List<String> noLabel = new ArrayList<>(TINY);
        noLabel.set(0, HEADER.replace(";\"y\"", ";\"target\""));
        Path a = Files.write(dir.resolve("a.csv"), noLabel);
        IOException e = assertThrows(IOException.class, () -> BankMarketingPreparation.prepare(a, dir.resolve("o"), 1));
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());

        List<String> badLabel = new ArrayList<>(TINY);
        badLabel.set(2, badLabel.get(2).replace("\"yes\"", "\"maybe\""));
        Path b = Files.write(dir.resolve("b.csv"), badLabel);
        e = assertThrows(IOException.class, () -> BankMarketingPreparation.prepare(b, dir.resolve("o"), 1));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("maybe"), e.getMessage());

        List<String> shortRow = new ArrayList<>(TINY);
        shortRow.set(1, "56;\"housemaid\"");
        Path c = Files.write(dir.resolve("c.csv"), shortRow);
        e = assertThrows(IOException.class, () -> BankMarketingPreparation.prepare(c, dir.resolve("o"), 1));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
