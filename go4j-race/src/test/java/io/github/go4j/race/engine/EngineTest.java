package io.github.go4j.race.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.RaceLog;
import io.github.go4j.race.internal.engine.Epochs;
import io.github.go4j.race.internal.engine.FastTrack;
import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.engine.VarState;
import io.github.go4j.race.internal.engine.VectorClocks;
import io.github.go4j.race.internal.engine.WeakIdentityMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** The happens-before engine without the agent: epochs, vector clocks, FastTrack's rules, slot reuse. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineTest {
    @RegisterExtension
    final RaceLog raceLog = new RaceLog();
    private final List<String> races = raceLog.races;


    /** Runs {@code body} on a new thread forked (happens-after) from the current one, and joins it. */
    private static void forkAndJoin(Runnable body, boolean joinEdge) throws InterruptedException {
        Thread t = new Thread(body);
        Threads.fork(t, -1);
        t.start();
        t.join();
        if (joinEdge) Threads.joined(t);
    }

    /** Runs {@code body} on a thread unordered with the current one (no fork edge: the clock is made in the thread). */
    private static void unordered(Runnable body) throws InterruptedException {
        Thread t = new Thread(body);
        t.start();
        t.join();
    }

    @Test
    void epochsPackSlotAndClock() {
        long e = Epochs.make(12345, 987654321L);
        assertEquals(12345, Epochs.tid(e));
        assertEquals(987654321L, Epochs.clock(e));
        assertEquals(987654321L, Epochs.clock(e | Epochs.INIT));
        long[] vc = new long[12346];
        assertFalse(Epochs.ordered(e, vc));
        vc[12345] = 987654321L;
        assertTrue(Epochs.ordered(e, vc));
        assertTrue(Epochs.ordered(Epochs.make(5, 9) | Epochs.INIT, new long[0]), "class-init accesses precede everything");
        assertTrue(Epochs.ordered(0, new long[0]), "no access yet");
    }

    @Test
    void vectorClocksJoinPointwise() {
        long[] a = {1, 5, 0};
        long[] b = {3, 2, 0, 7};
        long[] j = VectorClocks.join(a, b);
        assertEquals(List.of(3L, 5L, 0L, 7L), List.of(j[0], j[1], j[2], j[3]));
        assertTrue(VectorClocks.leq(a, j));
        assertTrue(VectorClocks.leq(b, j));
        assertFalse(VectorClocks.leq(j, a));
    }

    @Test
    void sameThreadAccessesNeverRace() {
        VarState s = new VarState();
        ThreadClock t = Threads.current();
        FastTrack.write(s, t, 1, null, 0);
        FastTrack.read(s, t, 2, null, 0);
        FastTrack.write(s, t, 3, null, 0);
        assertEquals(List.of(), races);
    }

    @Test
    void unorderedWritesRace() throws Exception {
        VarState s = new VarState();
        FastTrack.write(s, Threads.current(), 10, null, 0);
        unordered(() -> FastTrack.write(s, Threads.current(), 11, null, 0));
        assertEquals(List.of("W10-W11"), races);
    }

    @Test
    void forkAndJoinOrderAccesses() throws Exception {
        VarState s = new VarState();
        FastTrack.write(s, Threads.current(), 20, null, 0);
        forkAndJoin(() -> FastTrack.write(s, Threads.current(), 21, null, 0), true);
        FastTrack.read(s, Threads.current(), 22, null, 0);
        assertEquals(List.of(), races);
        forkAndJoin(() -> FastTrack.write(s, Threads.current(), 23, null, 0), false);
        FastTrack.read(s, Threads.current(), 24, null, 0);
        assertEquals(List.of("W23-R24"), races, "without the join edge the child's write is unordered");
    }

    @Test
    void releaseAcquireOrdersAccesses() throws Exception {
        VarState s = new VarState();
        SyncClock lock = new SyncClock();
        unordered(() -> {
            FastTrack.write(s, Threads.current(), 30, null, 0);
            lock.release(Threads.current());
        });
        lock.acquire(Threads.current());
        FastTrack.write(s, Threads.current(), 31, null, 0);
        assertEquals(List.of(), races);
    }

    @Test
    void concurrentReadsBecomeSharedAndEachRacesWithAWrite() throws Exception {
        VarState s = new VarState();
        SyncClock init = new SyncClock();
        FastTrack.write(s, Threads.current(), 40, null, 0);
        init.release(Threads.current());
        Runnable reader = () -> {
            init.acquire(Threads.current());
            FastTrack.read(s, Threads.current(), 41, null, 0);
        };
        unordered(reader);
        unordered(reader);
        assertEquals(List.of(), races, "reads after the release see the write");
        unordered(() -> FastTrack.write(s, Threads.current(), 42, null, 0));
        assertEquals(3, races.size(), races.toString()); // write-write with 40 (no edge), read-write with both readers
        assertTrue(races.containsAll(List.of("W40-W42", "R41-W42")), races.toString());
    }

    @Test
    void aGrownReadVectorKeepsEveryReadersSite() throws Exception {
        VarState s = new VarState();
        int readers = 6;
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread[] threads = new Thread[readers];
        for (int i = 0; i < readers; i++) {
            int site = 60 + i;
            java.util.concurrent.CountDownLatch hasRead = new java.util.concurrent.CountDownLatch(1);
            threads[i] = new Thread(() -> { // alive until every reader has read: six slots, the vector grows
                FastTrack.read(s, Threads.current(), site, null, 0);
                FastTrack.read(s, Threads.current(), site + 10, null, 0); // same epoch: nothing changes
                hasRead.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[i].start();
            assertTrue(hasRead.await(10, TimeUnit.SECONDS)); // one at a time: each read finds the last one's vector
        }
        done.countDown();
        for (Thread t : threads) t.join();
        assertEquals(List.of(), races, "reads only");
        unordered(() -> FastTrack.write(s, Threads.current(), 59, null, 0));
        assertEquals(List.of("R60-W59", "R61-W59", "R62-W59", "R63-W59", "R64-W59", "R65-W59"),
                races.stream().sorted().toList());
    }

    @Test
    void slotsOfDeadThreadsAreReusedWithClocksThatContinue() throws Exception {
        int before = Threads.slotsInUse();
        VarState s = new VarState();
        for (int i = 0; i < 3000; i++) forkAndJoin(() -> FastTrack.write(s, Threads.current(), 50, null, 0), true);
        assertTrue(Threads.slotsInUse() - before < 600, "slots in use: " + Threads.slotsInUse());
        assertEquals(List.of(), races);
        // a thread in a reused slot still races with a thread that never synchronised with it
        VarState v = new VarState();
        unordered(() -> FastTrack.write(v, Threads.current(), 51, null, 0));
        FastTrack.read(v, Threads.current(), 52, null, 0);
        assertEquals(List.of("W51-R52"), races);
    }

    @Test
    void whoDidFindsTheThreadOfAnEpoch() throws Exception {
        ThreadClock[] seen = new ThreadClock[1];
        long[] stamp = new long[1];
        unordered(() -> {
            seen[0] = Threads.current();
            stamp[0] = seen[0].stamp;
        });
        assertSame(seen[0], Threads.whoDid(stamp[0]));
    }

    @Test
    void weakIdentityMapComparesByIdentity() {
        WeakIdentityMap<String> m = new WeakIdentityMap<>();
        String a = new String("k");
        String b = new String("k");
        m.put(a, "a");
        m.put(b, "b");
        assertEquals("a", m.get(a));
        assertEquals("b", m.get(b));
        assertNotNull(m.computeIfAbsent(new Object(), k -> "c"));
        m.remove(a);
        assertEquals(null, m.get(a));
        for (int i = 0; i < 10_000; i++) m.put(new Object(), "x");
        assertEquals("b", m.get(b));
    }
}
