package dev.hpo.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void readsStateAndGroupPastACommandNameWithSpacesAndParentheses() {
        ProcStat stat = ProcStat.parse(42, "42 (my (odd) job) Z 1 4242 4242 0 -1 4194560 0 0 0 0");
        assertEquals('Z', stat.state());
        assertEquals(1, stat.parent());
        assertEquals(4242, stat.processGroup());
    }

    @Test
    void thisProcessRunsAndAPidThatDoesNotExistDoesNot() {
        assertTrue(ProcStat.running(ProcessHandle.current().pid()));
        assertEquals(false, ProcStat.running(Integer.MAX_VALUE + 1L));
    }
}
