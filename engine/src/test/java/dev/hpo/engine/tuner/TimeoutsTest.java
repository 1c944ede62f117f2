package dev.hpo.engine.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** A job that ends before its MaxRuntimeInSeconds leaves nothing behind in the timer. */
class TimeoutsTest {
    @Test
    void anEndedJobsTimeoutLeavesTheQueue() {
        int before = Timeouts.queued();
        AtomicBoolean fired = new AtomicBoolean();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Timeouts.schedule(Duration.ofHours(1), exit, () -> fired.set(true));
        assertEquals(before + 1, Timeouts.queued());
        exit.complete(0);
        assertEquals(before, Timeouts.queued());
        assertFalse(fired.get());
    }
}
