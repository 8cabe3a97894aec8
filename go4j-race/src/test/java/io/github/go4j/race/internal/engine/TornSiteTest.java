package io.github.go4j.race.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.RaceLog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A variable's epoch and site are two stores: a report must never pair an epoch with a site stored for
 * another access (it did: "Previous write at ?" with some other code's stack, under load).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TornSiteTest {
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();

    @Test
    void aTaggedSiteBelongsToItsEpochOnly() {
        long e = Epochs.make(3, 41);
        int t = VarState.tagged(1234, e);
        assertEquals(1234, VarState.siteOf(t));
        assertTrue(VarState.belongsTo(t, e));
        int mismatches = 0;
        for (long c = 42; c < 1042; c++) if (!VarState.belongsTo(t, Epochs.make(3, c))) mismatches++;
        assertTrue(mismatches > 980, "the tag tells nearly every other epoch apart: " + mismatches);
        assertFalse(VarState.belongsTo(0, e), "no site stored yet");
        assertTrue(VarState.belongsTo(VarState.tagged(-1, e), e), "an unknown site is not torn");
        assertEquals(-1, VarState.siteOf(VarState.tagged(1 << 24, e)), "a site too large for the tag is unknown");
    }

    @Test
    void anEpochWhoseSiteWasOverwrittenIsNotReportedWithTheWrongSite() throws Exception {
        VarState s = new VarState();
        long[] other = new long[1];
        Thread t = new Thread(() -> {
            ThreadClock c = Threads.current();
            FastTrack.write(s, c, 70, null, 0);
            other[0] = c.stamp;
        });
        t.start();
        t.join();
        // as if a third writer had stored its site but not yet its epoch
        s.wSite = VarState.tagged(99, Epochs.make(Epochs.tid(other[0]), Epochs.clock(other[0]) + 5));
        FastTrack.read(s, Threads.current(), 71, null, 0);
        assertEquals(List.of(), raceLog.races, "the site 99 is not the site of the epoch read");
        s.wSite = VarState.tagged(70, other[0]);
        FastTrack.write(s, Threads.current(), 72, null, 0);
        assertEquals(List.of("W70-W72"), raceLog.races);
    }
}
