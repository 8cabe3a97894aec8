package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SelectDefaultTest {
    @Test
    @Timeout(10)
    void theDefaultRunsExactlyWhenNoCaseIsReady() throws Exception {
        assertEquals("""
                no message waiting
                no receiver ready on an unbuffered channel: hi not sent
                no activity on either channel
                mailbox had room: sent first
                mailbox full: second dropped
                received first
                trySend("third") = true
                tryRecv() = Received[value=third, ok=true]
                tryRecv() on the empty mailbox = null
                """, Stdout.of(new SelectDefault()));
    }
}
