package io.github.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

class HappensBeforeTest {
    @RepeatedTest(3)
    @Timeout(10)
    void everyWriteIsSeenWhereTheRuleSaysItMustBe() throws Exception {
        assertEquals("""
                1. send -> receive: main sees value = 42
                2. unbuffered receive -> send completes: main sees note = "written before the receive"
                3. transitivity A -> B -> C: C sees value = 7
                4. close -> receive of the close, for all three waiting workers:
                   worker 1 saw reason = "shutting down"
                   worker 2 saw reason = "shutting down"
                   worker 3 saw reason = "shutting down"
                5. k-th receive -> (k+3)-th send on a channel of capacity 3: 10 jobs, never more than 3 at once: true
                """, Stdout.of(new HappensBefore()));
    }
}
