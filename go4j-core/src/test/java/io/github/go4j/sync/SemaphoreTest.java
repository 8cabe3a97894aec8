package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.CanceledException;
import io.github.go4j.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** golang.org/x/sync semaphore/semaphore_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class SemaphoreTest {
    static final Context BG = Context.background();

    static void hammerWeighted(Semaphore sem, long size, AtomicLong held, long n, int loops) throws InterruptedException {
        for (int i = 0; i < loops; i++) {
            sem.acquire(BG, n);
            long now = held.addAndGet(n);
            if (now > size) throw new AssertionError(now + " units held of " + size);
            Thread.sleep(0, ThreadLocalRandom.current().nextInt(100_000));
            held.addAndGet(-n);
            sem.release(n);
        }
    }

    // semaphore_test.go TestWeighted
    @Test
    void testWeighted() throws InterruptedException {
        int n = 4;
        int loops = 2000 / n;
        Semaphore sem = new Semaphore(n);
        AtomicLong held = new AtomicLong();
        WaitGroup wg = new WaitGroup();
        wg.add(n);
        for (int i = 0; i < n; i++) {
            long weight = i;
            Go.go(() -> {
                try {
                    hammerWeighted(sem, n, held, weight, loops);
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
        assertTrue(sem.tryAcquire(n), "all units are back");
    }

    // semaphore_test.go TestWeightedPanic
    @Test
    void testWeightedPanic() {
        Semaphore w = new Semaphore(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.release(1));
        assertEquals("semaphore: released more than held", e.getMessage());
        assertTrue(w.tryAcquire(1), "a rejected release changes nothing");
    }

    // semaphore_test.go TestWeightedTryAcquire
    @Test
    void testWeightedTryAcquire() throws InterruptedException {
        Semaphore sem = new Semaphore(2);
        assertEquals(List.of(true, false, true, false), tries(sem, sem::tryAcquire));
    }

    interface TryAcquire {
        boolean apply(long n) throws InterruptedException;
    }

    /** The sequence of Go's TestWeightedTryAcquire and TestWeightedAcquire, with either way of trying. */
    static List<Boolean> tries(Semaphore sem, TryAcquire tryAcquire) throws InterruptedException {
        List<Boolean> tries = new ArrayList<>();
        sem.acquire(BG, 1);
        tries.add(tryAcquire.apply(1));
        tries.add(tryAcquire.apply(1));
        sem.release(2);
        tries.add(tryAcquire.apply(1));
        sem.acquire(BG, 1);
        tries.add(tryAcquire.apply(1));
        return tries;
    }

    // semaphore_test.go TestWeightedAcquire
    @Test
    void testWeightedAcquire() throws InterruptedException {
        Semaphore sem = new Semaphore(2);
        TryAcquire tryAcquire = n -> {
            try (CancelContext ctx = Context.withTimeout(BG, Duration.ofMillis(50))) { // Go: 10 ms; more slack here
                sem.acquire(ctx, n);
                return true;
            } catch (RuntimeException e) {
                assertSame(Context.DEADLINE_EXCEEDED, e.getCause());
                return false;
            }
        };
        assertEquals(List.of(true, false, true, false), tries(sem, tryAcquire));
    }

    // semaphore_test.go TestWeightedDoesntBlockIfTooBig
    @Test
    void testWeightedDoesntBlockIfTooBig() throws InterruptedException {
        long n = 2;
        Semaphore sem = new Semaphore(n);
        CancelContext big = Context.withCancel(BG);
        Chan<RuntimeException> bigResult = Chan.make(1);
        Go.go(() -> {
            try {
                sem.acquire(big, n + 1);
            } catch (RuntimeException e) {
                bigResult.send(e);
            }
        });
        ErrGroup g = ErrGroup.withContext(BG);
        Context ctx = g.context();
        for (long i = n * 3; i > 0; i--) {
            g.go(() -> {
                sem.acquire(ctx, 1);
                Thread.sleep(1);
                sem.release(1);
            });
        }
        assertEquals(null, g.await(), "failed to acquire 1 with acquire(n+1) pending");
        big.cancel();
        assertSame(Context.CANCELED, bigResult.recv().getCause(), "a request larger than the size fails with its context's error");
    }

    // semaphore_test.go TestLargeAcquireDoesntStarve
    @Test
    void testLargeAcquireDoesntStarve() throws InterruptedException {
        int n = 4;
        Semaphore sem = new Semaphore(n);
        boolean[] running = {true};
        WaitGroup wg = new WaitGroup();
        wg.add(n);
        for (int i = n; i > 0; i--) {
            sem.acquire(BG, 1);
            Go.go(() -> {
                try {
                    while (running[0]) {
                        Thread.sleep(1);
                        sem.release(1);
                        sem.acquire(BG, 1);
                    }
                } finally {
                    sem.release(1);
                    wg.done();
                }
            });
        }
        sem.acquire(BG, n);
        running[0] = false;
        sem.release(n);
        wg.await();
    }

    // semaphore_test.go TestAllocCancelDoesntStarve
    @Test
    void testAllocCancelDoesntStarve() throws InterruptedException {
        Semaphore sem = new Semaphore(10);
        sem.acquire(BG, 1); // block off a portion so that acquire(10) can eventually succeed
        CancelContext ctx = Context.withCancel(BG);
        Go.go(() -> {
            try {
                sem.acquire(ctx, 10);
            } catch (RuntimeException expected) {
                // cancelled
            }
        });
        while (sem.tryAcquire(1)) { // wait until acquire(10) blocks
            sem.release(1);
            Thread.yield();
        }
        Go.go(ctx::cancel);
        sem.acquire(BG, 1); // both calls unblock, in either order
        sem.release(1);
    }

    // semaphore_test.go TestWeightedAcquireCanceled (go.dev/issue/63615)
    @Test
    void testWeightedAcquireCanceled() throws InterruptedException {
        Semaphore sem = new Semaphore(2);
        CancelContext ctx = Context.withCancel(BG);
        sem.acquire(BG, 1);
        Chan<Boolean> ch = Chan.make();
        Go.go(() -> {
            while (sem.tryAcquire(1)) sem.release(1); // synchronize with acquire(2) below
            ctx.cancel(); // cancel, then release the unit
            sem.release(1);
            ch.close();
        });
        // The context is done before enough units are free: this acquire must fail.
        CanceledException failed = assertThrows(CanceledException.class, () -> sem.acquire(ctx, 2));
        assertSame(Context.CANCELED, failed.getCause());
        assertTrue(failed.getStackTrace().length > 0, "the exception shows where acquire failed");
        ch.recv();
        assertTrue(sem.tryAcquire(2), "TryAcquire after canceled Acquire failed");
        sem.release(2);
        // A done context fails even when no wait is needed.
        assertSame(Context.CANCELED, assertThrows(CanceledException.class, () -> sem.acquire(ctx, 1)).getCause());
    }

    // Strict FIFO: a small request queued behind a large one waits for it; a cancelled waiter wakes those behind.
    @Test
    void strictFifoAndCancelledWaiterWakesThoseBehind() throws InterruptedException {
        Semaphore sem = new Semaphore(3);
        sem.acquire(BG, 2);
        CancelContext bigCtx = Context.withCancel(BG);
        Chan<String> order = Chan.make(2);
        Go.go(() -> {
            try {
                sem.acquire(bigCtx, 3);
                order.send("big");
            } catch (RuntimeException e) {
                order.send("big cancelled");
            }
        });
        while (sem.tryAcquire(0)) Thread.yield(); // until the big one waits
        Go.go(() -> {
            sem.acquire(BG, 1);
            order.send("small");
        });
        Thread.sleep(20);
        assertEquals(null, order.tryRecv(), "the small request must not overtake the big one");
        bigCtx.cancel();
        // the cancelled waiter at the front wakes the one behind (the two report in either order)
        assertEquals(java.util.Set.of("big cancelled", "small"), java.util.Set.of(order.recv(), order.recv()));
    }

    // An interrupted waiter leaves the queue and holds nothing.
    @Test
    void interruptedWaiterLeavesTheQueue() throws InterruptedException {
        Semaphore sem = new Semaphore(1);
        sem.acquire(BG, 1);
        boolean[] interrupted = {false};
        Thread t = Go.go(() -> {
            try {
                sem.acquire(BG, 1);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        while (sem.tryAcquire(0)) Thread.yield();
        t.interrupt();
        t.join();
        assertTrue(interrupted[0]);
        sem.release(1);
        assertTrue(sem.tryAcquire(1));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        Semaphore sem = new Semaphore(1);
        assertThrows(IllegalArgumentException.class, () -> sem.acquire(BG, -1));
        assertThrows(IllegalArgumentException.class, () -> sem.tryAcquire(-1));
        assertThrows(IllegalArgumentException.class, () -> sem.release(-1));
        assertThrows(NullPointerException.class, () -> sem.acquire(null, 1));
    }
}
