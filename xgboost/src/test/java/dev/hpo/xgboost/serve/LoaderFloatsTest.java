package dev.hpo.xgboost.serve;

import dev.hpo.xgboost.NativeData;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's float parsing against XGBoost's own CSV loader: each number is written as a label in a
 * CSV file, loaded by XGBoost, and its label read back, so the loader itself says what every text means.
 */
class LoaderFloatsTest {
    @TempDir
    Path dir;

    private static List<String> numbers() {
        List<String> values = new ArrayList<>(List.of("0", "-0", "+3", "1.408966", "3.0951", ".5", "5.", "1e5", "1E-3", "2.5e+10",
                "9e38", "1e39", "1e-40", "-1e-40", "2e-38", "123456789012345678901234", "0.1234567890123456789012",
                "18446744073709551615", "nan", "-inf", "inf", " 7.25 "));
        Random random = new Random(2024);
        for (int i = 0; i < 100_000; i++) {
            values.add(switch (i % 9) {
                case 0 -> String.format(Locale.ROOT, "%.6f", random.nextGaussian());
                case 1 -> String.format(Locale.ROOT, "%.4f", random.nextDouble() * 100);
                case 2 -> Integer.toString(random.nextInt(100_000) - 50_000);
                case 3 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(10) - 5));
                case 4 -> String.format(Locale.ROOT, "%.3e", random.nextDouble() * 1000);
                case 5 -> Float.toString((float) random.nextGaussian());
                case 6 -> String.format(Locale.ROOT, "%.5e", random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
                case 7 -> String.format(Locale.ROOT, "%.25f", random.nextDouble());
                default -> Long.toString(random.nextLong());
            });
        }
        return values;
    }

    @Test
    void everyNumberIsTheFloatXGBoostsLoaderReads() throws Exception {
        List<String> values = numbers();
        List<String> lines = new ArrayList<>();
        for (String value : values) {
            lines.add(value + ",0");
        }
        Path file = Files.write(dir.resolve("numbers.csv"), lines);
        DMatrix matrix = NativeData.load(file, true);
        float[] loaded;
        try {
            loaded = matrix.getLabel();
        } finally {
            matrix.dispose();
        }
        assertEquals(values.size(), loaded.length);
        int javaDiffers = 0;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            float expected = loaded[i];
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(LoaderFloats.parse(value)),
                    () -> "'" + value + "': XGBoost reads " + expected + ", the server " + LoaderFloats.parse(value));
            String plain = value.trim();
            if (!plain.matches("(?i)[+-]?(nan|inf)") && Float.parseFloat(plain) != loaded[i]) {
                javaDiffers++;
            }
        }
        // why the class exists: Java's correctly rounded parse disagrees with the loader on many values
        assertTrue(javaDiffers > 1000, "Float.parseFloat differed on only " + javaDiffers + " values");
    }
}
