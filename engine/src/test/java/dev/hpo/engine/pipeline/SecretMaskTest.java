package dev.hpo.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void secretValuesAreHiddenLongestFirstAndShortOnesAreLeftAlone() {
        SecretMask mask = SecretMask.of(Arrays.asList("token-123", "token-123-extended", "ab", null));
        assertEquals("auth failed for **** and ****", mask.apply("auth failed for token-123-extended and token-123"));
        assertEquals("about ab", mask.apply("about ab"));
        assertTrue(SecretMask.of(List.of()).isEmpty());
    }
}
