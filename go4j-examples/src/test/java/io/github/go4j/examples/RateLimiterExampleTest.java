package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateLimiterExampleTest {
    @Test
    @Timeout(10)
    void theBucketAllowsTheBurstThenTheRate() throws Exception {
        assertEquals("""
                5 events at t0:      allowed allowed allowed dropped dropped
                tokens at t0+250ms:  0.5
                event at t0+500ms:   allowed
                reserve at t0+500ms: ok=true, act in 500 ms
                after cancelling it: tokens at t0+600ms = 0.2
                3 awaits at 50/s took at least 40 ms: true
                """, Stdout.of(new RateLimiterExample()));
    }
}
