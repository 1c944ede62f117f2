package dev.hpo.engine.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleTest {
    @Test
    void anBeforeAVowelAndABeforeTheRest() {
        assertEquals("an integer", Article.before("integer"));
        assertEquals("an Infinity", Article.before("Infinity"));
        assertEquals("a continuous", Article.before("continuous"));
        assertEquals("a categorical", Article.before("categorical"));
        assertEquals("a -Infinity", Article.before("-Infinity"));
        assertEquals("a NaN", Article.before("NaN"));
    }
}
