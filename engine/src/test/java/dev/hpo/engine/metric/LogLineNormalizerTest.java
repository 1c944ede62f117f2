package dev.hpo.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LogLineNormalizerTest {

    @Test
    void plainLineIsReturnedAsIs() {
        String line = "[0]\ttrain-auc:0.81";
        assertSame(line, LogLineNormalizer.normalize(line));
    }

    @Test
    void stripsCsiColourCodes() {
        assertEquals("2024-05-01 INFO val_f1=0.7012",
                LogLineNormalizer.normalize("\u001b[2m2024-05-01\u001b[0m \u001b[32mINFO\u001b[0m"
                        + " \u001b[1mval_f1\u001b[0m=\u001b[36m0.7012\u001b[0m"));
    }

    @Test
    void stripsCsiWithPrivateParametersAndIntermediates() {
        assertEquals("ab", LogLineNormalizer.normalize("a\u001b[?25lb\u001b[2K"));
        assertEquals("ab", LogLineNormalizer.normalize("a\u001b[1 qb"));
    }

    @Test
    void stripsOscTerminatedByStOrBel() {
        assertEquals("checkpoint saved", LogLineNormalizer.normalize(
                "\u001b]8;;file:///tmp/run/ckpt\u001b\\checkpoint saved\u001b]8;;\u001b\\"));
        assertEquals("title set", LogLineNormalizer.normalize("\u001b]0;my title\u0007title set"));
    }

    @Test
    void unterminatedOscSwallowsTheRestOfTheLineOnly() {
        assertEquals("keep ", LogLineNormalizer.normalize("keep \u001b]0;never ends"));
    }

    @Test
    void stripsEightBitCsiAndTwoCharacterEscapes() {
        assertEquals("xy", LogLineNormalizer.normalize("x\u009b31my"));
        assertEquals("xy", LogLineNormalizer.normalize("x\u001b7y"));
        assertEquals("xy", LogLineNormalizer.normalize("x\u001b(By"));
        assertEquals("x", LogLineNormalizer.normalize("x\u001b"));
    }

    @Test
    void trailingBackspacesKeepTheTextLikeATerminal() {
        assertEquals("loss: 0.6951", LogLineNormalizer.normalize("loss: 0.6951\b\b\b\b\b\b\b\b\b\b\b\b"));
    }

    @Test
    void backspaceThenTextOverwrites() {
        assertEquals("aXY", LogLineNormalizer.normalize("abc\b\bXY"));
        assertEquals("_", LogLineNormalizer.normalize("x\b_"));
        assertEquals("loss=0.5", LogLineNormalizer.normalize("loss=0.9\b5"));
        assertEquals("ab", LogLineNormalizer.normalize("\b\bab"));
    }

    @Test
    void tabsAreKept() {
        assertEquals("[1]\ta", LogLineNormalizer.normalize("[1]\ta\u001b"));
        assertEquals("[1]\ta", LogLineNormalizer.normalize("[1]\u001b[0m\ta"));
    }
}
