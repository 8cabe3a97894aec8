package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HelloGoroutinesTest {
    @Test
    @Timeout(10)
    void everyGoroutineSaysHelloInOrderOfItsNumber() throws Exception {
        assertEquals("""
                hello from goroutine 0
                hello from goroutine 1
                hello from goroutine 2
                hello from goroutine 3
                hello from goroutine 4
                main received 5 greetings: every goroutine has sent its own
                """, Stdout.of(new HelloGoroutines()));
    }
}
