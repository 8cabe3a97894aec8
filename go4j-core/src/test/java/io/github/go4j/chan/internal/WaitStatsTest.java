package io.github.go4j.chan.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaitStatsTest {

    @Test
    void theSummaryGivesTheShareOfEachWayAWaitEnded() {
        // Off in tests (no -Dgo4j.chan.waitStats), so only this test counts.
        assertFalse(WaitStats.ENABLED);
        for (int i = 0; i < 4; i++) WaitStats.waited();
        WaitStats.endedSpinning();
        WaitStats.endedAfterYields(1);
        WaitStats.endedAfterYields(20); // beyond the last bucket: counted in it
        WaitStats.parked();
        String s = WaitStats.summary();
        assertTrue(s.startsWith("go4j wait stats: 4 waits"), s);
        assertTrue(s.contains("ended spinning 25.0%"), s);
        assertTrue(s.contains("after 1 yield 25.0%"), s);
        assertTrue(s.contains("after ≥8 yields 25.0%"), s);
        assertTrue(s.contains("parked 25.0%"), s);
    }
}
