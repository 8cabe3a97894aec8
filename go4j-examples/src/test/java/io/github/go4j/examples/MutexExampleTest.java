package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class MutexExampleTest {
    @RepeatedTest(3)
    @Timeout(10)
    void noIncrementIsLost() throws Exception {
        assertEquals("counter = 100000 (100 goroutines x 1000 increments)\n", Stdout.of(new MutexExample()));
    }
}
