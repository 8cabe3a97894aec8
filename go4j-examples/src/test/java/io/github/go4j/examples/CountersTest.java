package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The counter programs that {@code go4j demo race} runs under the detector, here without it. */
class CountersTest {
    interface Main {
        void run() throws Exception;
    }

    private static String run(Main main) throws Exception {
        return Stdout.of(new Example() {
            @Override public String name() { return "counter"; }
            @Override public String title() { return "counter"; }
            @Override public void run() throws Exception { main.run(); }
        });
    }

    @Test
    @Timeout(10)
    void theFixedCountersLoseNoIncrement() throws Exception {
        MutexCounter.counter = 0;
        assertEquals("counter = 10000 (10 goroutines x 1000 increments, under a Mutex)\n", run(() -> MutexCounter.main(new String[0])));
        AtomicCounter.COUNTER.set(0);
        assertEquals("counter = 10000 (10 goroutines x 1000 increments, atomically)\n", run(() -> AtomicCounter.main(new String[0])));
    }

    @Test
    @Timeout(10)
    void theRacyCounterRunsToTheEnd() throws Exception {
        RacyCounter.counter = 0;
        String out = run(() -> RacyCounter.main(new String[0]));
        assertTrue(out.startsWith("counter = ") && out.contains("10 goroutines x 1000 increments"), out);
    }
}
