package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BufferedChannelTest {
    @Test
    @Timeout(10)
    void buffersThreeDeliversThemAfterCloseThenRangesOverAProducer() throws Exception {
        assertEquals("""
                three sends, nobody receiving: len=3 cap=3
                a fourth, without waiting: trySend("iron") = false
                closed; what was buffered is still delivered:
                  wash
                  dry
                  fold
                then a receive says closed: value=null ok=false
                and a send throws: send on closed channel
                producer -> consumer over cap 3: received [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], sum 55
                """, Stdout.of(new BufferedChannel()));
    }
}
