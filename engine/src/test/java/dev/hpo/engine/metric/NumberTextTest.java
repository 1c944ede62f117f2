package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void parsesFloatForms() {
        assertEquals(OptionalDouble.of(0.5), NumberText.parse("0.5"));
        assertEquals(OptionalDouble.of(0.5), NumberText.parse(".5"));
        assertEquals(OptionalDouble.of(5.0), NumberText.parse("5."));
        assertEquals(OptionalDouble.of(-1.5e-6), NumberText.parse("-1.5e-06"));
        assertEquals(OptionalDouble.of(300.0), NumberText.parse("+3E+2"));
        assertEquals(OptionalDouble.of(0.25), NumberText.parse("  0.25 "));
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), NumberText.parse("inf"));
        assertEquals(OptionalDouble.of(Double.NEGATIVE_INFINITY), NumberText.parse("-Infinity"));
        assertTrue(Double.isNaN(NumberText.parse("nan").getAsDouble()));
        assertTrue(Double.isNaN(NumberText.parse("-NaN").getAsDouble()));
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String text : new String[] {"", " ", "gbm_v3", "0x1p3", "1d", "1f", "1e", "1.2.3", "--1", "0.5;",
                "1,5", "e5", ".", "+", "NaNx"}) {
            assertTrue(NumberText.parse(text).isEmpty(), text);
        }
        assertTrue(NumberText.parse(null).isEmpty());
    }

    private static Optional<String> literal(String line, String captured) {
        int start = line.indexOf(captured);
        return NumberText.enclosingLiteral(line, start, start + captured.length());
    }

    @Test
    void detectsCaptureThatStopsInsideANumber() {
        assertEquals(Optional.of("9.8e-06"), literal("'loss': 9.8e-06, ", "9.8"));
        assertEquals(Optional.of("3.14"), literal("x=3.14", "3"));
        assertEquals(Optional.of("0.1234"), literal("x=0.1234", "0.12"));
        assertEquals(Optional.of("1e-05"), literal("lr=1e-05", "1e-0"));
        assertEquals(Optional.of("2E+3"), literal("v=2E+3 ", "2"));
    }

    @Test
    void detectsCaptureThatDropsASignOrLeadingDigits() {
        assertEquals(Optional.of("-0.5"), literal("loss: -0.5", "0.5"));
        assertEquals(Optional.of("-0.5"), literal("-0.5", "0.5"));
        assertEquals(Optional.of("12.5"), literal("x=12.5", "2.5"));
        assertEquals(Optional.of("0.8123"), literal("acc=0.8123", "8123"));
    }

    @Test
    void cleanEndsAreNotTruncation() {
        assertEquals(Optional.empty(), literal("test-auc:0.7298+0.0123", "0.7298"));
        assertEquals(Optional.empty(), literal("loss=0.5;", "0.5"));
        assertEquals(Optional.empty(), literal("version 1.2.3", "1.2"));
        assertEquals(Optional.empty(), literal("loss=0.5e", "0.5"));
        assertEquals(Optional.empty(), literal("val-0.5", "0.5"));
        assertEquals(Optional.empty(), literal("lr=4e-05", "05"));
        assertEquals(Optional.empty(), literal("[0]#0110.5", "0.5"));
        assertEquals(Optional.empty(), literal("loss=1.5e-3 ", "1.5e-3"));
        assertEquals(Optional.empty(), literal("loss=nan", "nan"));
    }
}
