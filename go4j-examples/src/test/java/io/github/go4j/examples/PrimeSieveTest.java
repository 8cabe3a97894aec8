package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PrimeSieveTest {
    @Test
    @Timeout(10)
    void findsTheFirstTwentyPrimesAndStopsEveryStage() throws Exception {
        assertEquals("""
                the first 20 primes: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71
                stopped the 21 goroutines of the sieve
                """, Stdout.of(new PrimeSieve()));
    }
}
