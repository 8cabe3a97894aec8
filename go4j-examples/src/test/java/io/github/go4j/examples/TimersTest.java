package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimersTest {
    @Test
    @Timeout(10)
    void timersFireStopAndResetAndTickersTickUntilStopped() throws Exception {
        assertEquals("""
                timer 1 fired after 100 ms
                timer 2 stopped before it fired: stop() = true
                  and its channel stays quiet: true
                timer 3 reset from 10 s to 50 ms (it was active: true), and fired
                afterFunc ran its function on a goroutine after 20 ms
                tick 1
                tick 2
                tick 3
                ticker stopped; no tick after stop: true
                a ticker reset from 10 s to 20 ms ticked
                """, Stdout.of(new Timers()));
    }
}
