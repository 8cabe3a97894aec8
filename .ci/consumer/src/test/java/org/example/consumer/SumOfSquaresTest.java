package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.go4j.test.RaceFree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@RaceFree
@Timeout(30)
class SumOfSquaresTest {
    @Test
    void addsUpEverySquare() throws InterruptedException {
        int n = 1000;
        assertEquals((long) n * (n + 1) * (2 * n + 1) / 6, SumOfSquares.of(n));
    }
}
