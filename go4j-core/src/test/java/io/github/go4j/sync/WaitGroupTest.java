package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/sync/waitgroup_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class WaitGroupTest {

    static void testWaitGroup(WaitGroup wg1, WaitGroup wg2) throws InterruptedException {
        int n = 16;
        wg1.add(n);
        wg2.add(n);
        Chan<Boolean> exited = Chan.make(n);
        for (int i = 0; i != n; i++) {
            Go.go(() -> {
                wg1.done();
                wg2.await();
                exited.send(true);
            });
        }
        wg1.await();
        for (int i = 0; i != n; i++) {
            assertNull(exited.tryRecv(), "WaitGroup released group too soon");
            wg2.done();
        }
        for (int i = 0; i != n; i++) exited.recv(); // blocks if the barrier fails to unlock someone
    }

    // waitgroup_test.go TestWaitGroup
    @Test
    void testWaitGroup() throws InterruptedException {
        WaitGroup wg1 = new WaitGroup();
        WaitGroup wg2 = new WaitGroup();
        for (int i = 0; i != 8; i++) testWaitGroup(wg1, wg2); // the barrier is reusable
    }

    // waitgroup_test.go TestWaitGroupMisuse
    @Test
    void testWaitGroupMisuse() {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        wg.done();
        IllegalStateException e = assertThrows(IllegalStateException.class, wg::done);
        assertEquals("sync: negative WaitGroup counter", e.getMessage());
        assertEquals("sync: negative WaitGroup counter", assertThrows(IllegalStateException.class, () -> wg.add(-1)).getMessage());
        wg.add(2);
        assertThrows(IllegalStateException.class, () -> wg.add(-3));
        wg.add(-2); // the rejected call changed nothing
    }

    // waitgroup_test.go TestWaitGroupRace
    @Test
    void testWaitGroupRace() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            WaitGroup wg = new WaitGroup();
            AtomicInteger n = new AtomicInteger();
            wg.add(1);
            Go.go(() -> {
                n.incrementAndGet();
                wg.done();
            });
            wg.add(1);
            Go.go(() -> {
                n.incrementAndGet();
                wg.done();
            });
            wg.await();
            assertEquals(2, n.get(), "Spurious wakeup from Wait");
        }
    }

    // waitgroup_test.go TestWaitGroupGo (Go 1.25's wg.Go)
    @Test
    void testWaitGroupGo() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        AtomicInteger x = new AtomicInteger();
        for (int i = 0; i < 10; i++) wg.go(x::incrementAndGet);
        wg.await();
        assertEquals(10, x.get());
        assertThrows(NullPointerException.class, () -> wg.go(null));
    }

    // A task that throws still counts as done (its exception is the goroutine's panic).
    @Test
    void goCallsDoneWhenTheTaskThrows() throws InterruptedException {
        // Done runs before the panic reaches the handler: wait for the handler before restoring the previous one.
        java.util.concurrent.CountDownLatch handled = new java.util.concurrent.CountDownLatch(1);
        var previous = Go.setPanicHandler((thread, goid, panic) -> handled.countDown());
        try {
            WaitGroup wg = new WaitGroup();
            wg.go(() -> { throw new IllegalStateException("boom"); });
            wg.await();
            assertTrue(handled.await(10, java.util.concurrent.TimeUnit.SECONDS), "the task's exception never reached the panic handler");
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    // wg.go takes a Go.Task, as Go.go and ErrGroup.go do: the task may throw a checked exception, which is a
    // panic of its goroutine, and done() is called all the same.
    @Test
    void goTakesATaskThatMayThrowACheckedException() throws InterruptedException {
        Exception checked = new java.io.IOException("disk on fire");
        java.util.concurrent.atomic.AtomicReference<Throwable> panic = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch handled = new java.util.concurrent.CountDownLatch(1);
        var previous = Go.setPanicHandler((thread, goid, p) -> {
            panic.set(p);
            handled.countDown();
        });
        try {
            WaitGroup wg = new WaitGroup();
            wg.go(() -> { throw checked; });
            wg.await();
            assertTrue(handled.await(10, java.util.concurrent.TimeUnit.SECONDS), "the exception never became a panic");
            assertSame(checked, panic.get());
        } finally {
            Go.setPanicHandler(previous);
        }
    }

    // Waiters released by one drop to zero return even if the group is reused before they run.
    @Test
    void waitersOfOneGenerationAllReturn() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            WaitGroup returned = new WaitGroup();
            Thread[] waiters = new Thread[4];
            for (int i = 0; i < waiters.length; i++) {
                returned.add(1);
                waiters[i] = Go.go(() -> {
                    wg.await();
                    returned.done();
                });
            }
            for (Thread t : waiters) {
                while (t.getState() != Thread.State.WAITING) Thread.yield(); // blocked in await
            }
            wg.done();
            wg.add(1); // reuse at once
            returned.await();
            wg.done();
        }
    }

    // An interrupted await throws and leaves the group usable.
    @Test
    void interruptedAwait() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        AtomicInteger interrupted = new AtomicInteger();
        Thread t = Go.go(() -> {
            try {
                wg.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        Thread.sleep(10);
        t.interrupt();
        t.join();
        assertEquals(1, interrupted.get());
        wg.done();
        wg.await();
        assertTrue(wg.toString().contains("count=0"));
    }

    // An add past Integer.MAX_VALUE is rejected and changes nothing.
    @Test
    void overflowIsRejectedAndLeavesTheCounterUnchanged() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        wg.add(Integer.MAX_VALUE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> wg.add(1));
        assertEquals("sync: WaitGroup counter overflow", e.getMessage());
        assertTrue(wg.toString().contains("count=" + Integer.MAX_VALUE), wg.toString());
        wg.add(-Integer.MAX_VALUE);
        wg.await(); // zero again: returns at once
        assertTrue(wg.toString().contains("count=0"), wg.toString());
    }

    // Large deltas take the compare-and-set path (small ones are one atomic add): same rules.
    @Test
    void largeDeltasAreCountedAndCheckedToo() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        wg.add(1 << 20);
        assertTrue(wg.toString().contains("count=" + (1 << 20)), wg.toString());
        IllegalStateException negative = assertThrows(IllegalStateException.class, () -> wg.add(-(1 << 21)));
        assertEquals("sync: negative WaitGroup counter", negative.getMessage());
        wg.add(Integer.MAX_VALUE - (1 << 20));
        IllegalStateException overflow = assertThrows(IllegalStateException.class, () -> wg.add(1 << 20));
        assertEquals("sync: WaitGroup counter overflow", overflow.getMessage());
        assertTrue(wg.toString().contains("count=" + Integer.MAX_VALUE), wg.toString());
        wg.add(-Integer.MAX_VALUE);
        wg.await(); // zero: returns at once
        assertTrue(wg.toString().contains("count=0"), wg.toString());
    }

    // Spawners' add(1) and their goroutines' done() race on the one word; every drop is counted.
    @Test
    void concurrentAddsAndDonesBalance() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            WaitGroup wg = new WaitGroup();
            WaitGroup spawners = new WaitGroup();
            AtomicInteger finished = new AtomicInteger();
            for (int s = 0; s < 2; s++) {
                spawners.go(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        wg.add(1);
                        Go.go(() -> {
                            finished.incrementAndGet();
                            wg.done();
                        });
                    }
                });
            }
            spawners.await();
            wg.await();
            assertEquals(4_000, finished.get(), "await returned before every done");
            assertTrue(wg.toString().contains("count=0"), wg.toString());
        }
    }

    // Reuse right after await returns: each round's await waits for that round's done. (The interleaving
    // that broke this once, a done preempted between dropping the counter and bumping the generation, is
    // too narrow to hit on demand; WaitGroup now makes both one compare-and-set.)
    @Test
    void aReusedGroupsAwaitWaitsForItsOwnRound() throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int round = 0; round < 20_000; round++) {
            AtomicInteger finished = new AtomicInteger();
            wg.add(1);
            Go.go(() -> {
                finished.incrementAndGet();
                wg.done();
            });
            wg.await();
            assertEquals(1, finished.get(), "round " + round + ": await returned before this round's done");
        }
    }
}
