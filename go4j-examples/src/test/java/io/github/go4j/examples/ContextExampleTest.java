package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContextExampleTest {
    @Test
    @Timeout(10)
    void cancellationStopsTheWorkersAndTheDeadlineStopsTheSlowCall() throws Exception {
        assertEquals("""
                cancelling the workers' context
                all 3 workers stopped: context canceled
                slow call: context deadline exceeded (err() == DEADLINE_EXCEEDED: true)
                cause: the backend was too slow
                child of a cancelled parent: context canceled, cause: shutting down
                """, Stdout.of(new ContextExample()));
    }
}
