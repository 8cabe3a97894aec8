package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SelectTimeoutTest {
    @Test
    @Timeout(10)
    void theFastCallAnswersAndTheSlowOneTimesOut() throws Exception {
        assertEquals("""
                within 2 s: the fast service answered
                timed out after 50 ms waiting for the slow service
                its answer still lands in the channel's one slot, so its goroutine ends: the slow service answered
                """, Stdout.of(new SelectTimeout()));
    }
}
