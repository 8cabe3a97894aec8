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
 * another access (it did: "Previous write at ?" with some other code's stack, under load; and "Previous
 * read" at the reporting goroutine's own line, credited to the other goroutine). Where the site was
 * overwritten the race is still reported, with the site unknown (-1).
 *
 * <p>Each test sets a shadow field to what one interleaving of two accesses leaves there (the stores
 * of the engine that the other thread made, in the order named), then drives the engine from the test
 * thread.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TornSiteTest {
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();

    /** Runs {@code body} on a thread unordered with the test thread, and returns that thread's clock. */
    private static ThreadClock unordered(java.util.function.Consumer<ThreadClock> body) throws InterruptedException {
        ThreadClock[] clock = new ThreadClock[1];
        Thread t = new Thread(() -> {
            clock[0] = Threads.current();
            body.accept(clock[0]);
        });
        t.start();
        t.join();
        return clock[0];
    }

    @Test
    void aTaggedSiteBelongsToItsEpochOnly() {
        long e = Epochs.make(3, 41);
        var t = VarState.tagged(1234, e);
        assertEquals(1234, VarState.siteOf(t));
        assertTrue(VarState.belongsTo(t, e));
        int mismatches = 0;
        for (long c = 42; c < 1042; c++) if (!VarState.belongsTo(t, Epochs.make(3, c))) mismatches++;
        assertEquals(1000, mismatches, "the tag tells the slot's other epochs apart");
        assertTrue(VarState.belongsTo(VarState.tagged(-1, e), e), "an unknown site is not torn");
        assertEquals(-1, VarState.siteOf(VarState.tagged(1 << 24, e)), "a site too large for the tag is unknown");
    }

    /** Two threads alive at once never share a slot, so a site stored by one is never taken for the other's. */
    @Test
    void aTagTellsEveryOtherSlotApart() {
        for (long clock : new long[] {1, 41, (1L << 20) + 3, 1L << 40}) {
            var t = VarState.tagged(1234, Epochs.make(3, clock));
            int collisions = 0;
            for (int tid = 0; tid < Epochs.TID_MASK; tid++) {
                if (tid != 3 && VarState.belongsTo(t, Epochs.make(tid, clock))) collisions++;
            }
            assertEquals(0, collisions, "slots whose epoch at clock " + clock + " the tag took for slot 3's");
        }
    }

    /**
     * Two reads at once from no read: the winner stored its site (8), then the loser (this thread) stored
     * its own (7); the winner's compare-and-set succeeded, the loser's failed. The loser's read then finds
     * the winner's epoch, unordered, and makes a read vector: the winner's site there was the loser's
     * 7, and the loser's write reported "previous read at 7" by the winner.
     */
    @Test
    void aSiteLeftByAReadThatLostItsCompareAndSetIsNotCreditedToTheWinner() throws Exception {
        VarState s = new VarState();
        unordered(c -> FastTrack.read(s, c, 8, null, 0));
        ThreadClock me = Threads.current();
        s.rSite = VarState.tagged(7, me.stamp);
        FastTrack.read(s, me, 7, null, 0);
        FastTrack.write(s, me, 17, null, 0);
        assertEquals(List.of("R-1-W17"), raceLog.races, "the winner's site was overwritten: unknown, never 7");
    }

    @Test
    void withoutATornSiteEachReaderKeepsItsOwn() throws Exception {
        VarState s = new VarState();
        unordered(c -> FastTrack.read(s, c, 8, null, 0));
        ThreadClock me = Threads.current();
        FastTrack.read(s, me, 7, null, 0);
        FastTrack.write(s, me, 17, null, 0);
        assertEquals(List.of("R8-W17"), raceLog.races);
    }

    /**
     * A read vector's slot holds a site and a stamp, two stores: the slot's next read (or the next thread
     * given the slot) stored its site (9) while a write, having read the old stamp, was about to read the
     * site.
     */
    @Test
    void aReadVectorSiteStoredForALaterReadIsNotCreditedToAnEarlierOne() throws Exception {
        VarState s = new VarState();
        ThreadClock other = unordered(c -> FastTrack.read(s, c, 8, null, 0));
        ThreadClock me = Threads.current();
        FastTrack.read(s, me, 7, null, 0);
        s.reads.sites[other.tid] = VarState.tagged(9, Epochs.make(other.tid, Epochs.clock(other.stamp) + 1));
        FastTrack.write(s, me, 17, null, 0);
        assertEquals(List.of("R-1-W17"), raceLog.races);
    }

    /**
     * A write's site overwritten by a later write's (stored just before that write's epoch) while a read
     * checks the first write: the read used to stay silent, and the first write, which had checked the
     * reads before this one was published, never reported the pair either.
     */
    @Test
    void aWriteWhoseSiteWasOverwrittenIsReportedToAReadWithTheSiteUnknown() throws Exception {
        VarState s = new VarState();
        ThreadClock other = unordered(c -> FastTrack.write(s, c, 70, null, 0));
        s.wSite = VarState.tagged(99, Epochs.make(other.tid, Epochs.clock(other.stamp) + 5));
        FastTrack.read(s, Threads.current(), 71, null, 0);
        assertEquals(List.of("W-1-R71"), raceLog.races, "the race is reported; the site 99 is not the write's");
        s.wSite = VarState.tagged(70, other.stamp);
        FastTrack.write(s, Threads.current(), 72, null, 0);
        assertEquals(List.of("W-1-R71", "W70-W72"), raceLog.races);
    }

    /** The same for a read's site overwritten by a later read's (stored just before its compare-and-set). */
    @Test
    void aReadWhoseSiteWasOverwrittenIsReportedToAWriteWithTheSiteUnknown() throws Exception {
        VarState s = new VarState();
        ThreadClock other = unordered(c -> FastTrack.read(s, c, 8, null, 0));
        s.rSite = VarState.tagged(9, Epochs.make(other.tid, Epochs.clock(other.stamp) + 1));
        FastTrack.write(s, Threads.current(), 17, null, 0);
        assertEquals(List.of("R-1-W17"), raceLog.races);
    }
}
