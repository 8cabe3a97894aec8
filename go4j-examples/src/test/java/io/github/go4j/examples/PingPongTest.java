package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PingPongTest {
    @Test
    @Timeout(10)
    void thePlayersAlternateForTenHitsThenMainCatchesTheBall() throws Exception {
        assertEquals("""
                ping 1
                pong 2
                ping 3
                pong 4
                ping 5
                pong 6
                ping 7
                pong 8
                ping 9
                pong 10
                main caught the ball after 10 hits
                """, Stdout.of(new PingPong()));
    }
}
