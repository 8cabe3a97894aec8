package io.github.go4j.race.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.race.RaceLog;
import io.github.go4j.race.internal.engine.ArrayView;
import io.github.go4j.race.internal.engine.ArrayViews;
import io.github.go4j.race.internal.engine.SyncClock;
import io.github.go4j.race.internal.engine.ThreadClock;
import io.github.go4j.race.internal.engine.Threads;
import io.github.go4j.race.internal.runtime.RaceHooks;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Array accesses through the hooks: each thread's marks skip what it already did in its epoch, and
 * never hide a race (a new epoch, another thread, another element, an evicted view).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArrayViewTest {
    private static final int N = 10_000;

    @RegisterExtension
    final RaceLog raceLog = new RaceLog();
    private final List<String> races = raceLog.races;

    private static void readAll(int[] a, int from, int to, int site) {
        ThreadClock t = Threads.current();
        for (int i = from; i < to; i++) RaceHooks.arrayRead(a, i, site, t);
    }

    private static void writeAll(int[] a, int from, int to, int site) {
        ThreadClock t = Threads.current();
        for (int i = from; i < to; i++) RaceHooks.arrayWrite(a, i, site, t);
    }

    private static void unordered(Runnable body) throws InterruptedException {
        Thread t = new Thread(body);
        t.start();
        t.join();
    }

    @Test
    void marksCoverTheCurrentEpochOnly() {
        int[] a = new int[N];
        ThreadClock t = Threads.current();
        readAll(a, 0, N - 1, 1);
        readAll(a, 0, N - 1, 1); // the marks are made during the first pass; the second completes them
        ArrayView v = ArrayViews.of(t, a);
        assertNotNull(v.marks, "a thread that loops over an array gets marks");
        for (int i = 0; i < N - 1; i++) assertTrue(v.marked(t, i, ArrayView.READ), "element " + i);
        assertFalse(v.marked(t, N - 1, ArrayView.READ), "the one element not read");
        assertFalse(v.marked(t, 5, ArrayView.WRITE), "reads mark reads only");
        assertFalse(v.marked(t, -1, ArrayView.READ));
        assertFalse(v.marked(t, N, ArrayView.READ));
        assertFalse(v.marked(t, N + 63, ArrayView.READ), "no bit beyond the last element");
        readAll(a, 0, N - 1, 1);
        assertFalse(v.marked(t, N - 1, ArrayView.READ), "reading the others again counts nothing twice");
        readAll(a, N - 1, N, 1);
        assertTrue(v.marked(t, N - 1, ArrayView.READ), "every element read: the whole array is marked");
        assertFalse(v.marked(t, 5, ArrayView.WRITE), "reads mark reads only");
        new SyncClock().release(t); // a new epoch
        assertFalse(v.marked(t, 5, ArrayView.READ), "marks of an earlier epoch do not count");
        assertEquals(List.of(), races);
    }

    @Test
    void aLoopRacesWithAnUnorderedLoopOnEveryElement() throws Exception {
        int[] a = new int[N];
        writeAll(a, 0, N, 10);
        writeAll(a, 0, N, 10);
        unordered(() -> {
            readAll(a, 0, N, 11);
            readAll(a, 0, N, 11);
        });
        assertEquals(N, races.size(), "one report per element, none for the repeated pass");
        assertTrue(races.stream().allMatch("W10-R11"::equals), races.subList(0, 3).toString());
    }

    @Test
    void aWholeArrayMarkDoesNotOutliveItsEpoch() throws Exception {
        int[] a = new int[N];
        ThreadClock t = Threads.current();
        writeAll(a, 0, N, 12);
        writeAll(a, 0, N, 12);
        assertTrue(ArrayViews.of(t, a).marked(t, 7, ArrayView.WRITE), "the whole array is written in this epoch");
        SyncClock lock = new SyncClock();
        lock.release(t);
        unordered(() -> {
            lock.acquire(Threads.current());
            writeAll(a, 3, 4, 13);
        });
        writeAll(a, 0, N, 14); // a new epoch: every element checked again
        assertEquals(List.of("W13-W14"), races);
    }

    @Test
    void disjointHalvesDoNotRace() throws Exception {
        int[] a = new int[N];
        writeAll(a, 0, N / 2, 20);
        writeAll(a, 0, N / 2, 20);
        unordered(() -> {
            writeAll(a, N / 2, N, 21);
            readAll(a, N / 2, N, 22);
        });
        readAll(a, 0, N / 2, 23);
        assertEquals(List.of(), races);
    }

    @Test
    void aWriteAfterForkingIsANewEpochAndRacesWithTheChild() throws Exception {
        int[] a = new int[N];
        writeAll(a, 0, N, 30);
        writeAll(a, 0, N, 30); // marked in the parent's epoch before the fork
        Thread child = new Thread(() -> writeAll(a, 0, 1, 31));
        Threads.fork(child, -1); // the fork is a release: the parent's next accesses are a new epoch
        child.start();
        child.join(); // no join edge: the child's write stays unordered with what the parent does next
        assertEquals(List.of(), races, "the fork orders the parent's writes before the child's");
        writeAll(a, 0, N, 32);
        assertEquals(List.of("W31-W32"), races, "the marks of the parent's old epoch must not skip this write");
    }

    @Test
    void viewsEvictedFromTheCacheStillFindRaces() throws Exception {
        int[][] arrays = new int[40_000][]; // far more arrays than the thread's cache holds
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new int[4];
            writeAll(arrays[i], 0, 4, 40);
            writeAll(arrays[i], 0, 4, 40);
        }
        Thread child = new Thread(() -> {
            for (int i = 0; i < arrays.length; i += 100) writeAll(arrays[i], 0, 1, 41);
        });
        Threads.fork(child, -1);
        child.start();
        child.join(); // no join edge
        assertEquals(List.of(), races, "the fork orders the first writes before the child's");
        for (int[] a : arrays) writeAll(a, 0, 4, 42);
        assertEquals(arrays.length / 100, races.size());
        assertTrue(races.stream().allMatch("W41-W42"::equals), races.subList(0, 3).toString());
    }
}
