package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/sync/mutex_test.go, ported (names kept), plus Go's semantics that Java's locks lack. */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class MutexTest {

    static void hammerMutex(Mutex m, int loops, Chan<Boolean> cdone) throws InterruptedException {
        for (int i = 0; i < loops; i++) {
            if (i % 3 == 0) {
                if (m.tryLock()) m.unlock();
                continue;
            }
            m.lock();
            m.unlock();
        }
        cdone.send(true);
    }

    // mutex_test.go TestMutex
    @Test
    void testMutex() throws InterruptedException {
        Mutex m = new Mutex();
        m.lock();
        assertFalse(m.tryLock(), "TryLock succeeded with mutex locked");
        m.unlock();
        assertTrue(m.tryLock(), "TryLock failed with mutex unlocked");
        m.unlock();

        Chan<Boolean> c = Chan.make();
        for (int i = 0; i < 10; i++) Go.go(() -> hammerMutex(m, 1000, c));
        for (int i = 0; i < 10; i++) c.recv();
    }

    // Mutual exclusion, checked on a plain counter.
    @Test
    void excludes() throws InterruptedException {
        Mutex m = new Mutex();
        int[] counter = {0};
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 8; g++) {
            wg.go(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        m.lock();
                        counter[0]++;
                        m.unlock();
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        }
        wg.await();
        assertEquals(16000, counter[0]);
    }

    // mutex_test.go TestMutexMisuse (Mutex.Unlock, Mutex.Unlock2)
    @Test
    void testMutexMisuse() throws InterruptedException {
        Mutex mu = new Mutex();
        IllegalStateException e = assertThrows(IllegalStateException.class, mu::unlock);
        assertEquals("sync: unlock of unlocked mutex", e.getMessage());
        mu.lock();
        mu.unlock();
        assertEquals("sync: unlock of unlocked mutex", assertThrows(IllegalStateException.class, mu::unlock).getMessage());
        assertTrue(mu.tryLock(), "a failed unlock leaves the mutex usable");
        mu.unlock();
    }

    // mutex_test.go TestMutexFairness: a goroutine that keeps relocking cannot starve another.
    @Test
    void testMutexFairness() throws InterruptedException {
        Mutex mu = new Mutex();
        AtomicBoolean stop = new AtomicBoolean();
        Go.go(() -> {
            while (!stop.get()) {
                mu.lock();
                Thread.sleep(0, 100_000);
                mu.unlock();
            }
        });
        Chan<Boolean> done = Chan.make(1);
        Go.go(() -> {
            for (int i = 0; i < 10; i++) {
                Thread.sleep(0, 100_000);
                mu.lock();
                mu.unlock();
            }
            done.send(true);
        });
        boolean ok = Select.select(Case.recv(done, v -> true), Case.after(Duration.ofSeconds(10), () -> false));
        stop.set(true);
        assertTrue(ok, "can't acquire Mutex in 10 seconds");
    }

    // Go: not owner-bound — another goroutine may unlock.
    @Test
    void anyGoroutineMayUnlock() throws InterruptedException {
        Mutex mu = new Mutex();
        mu.lock();
        Thread t = Go.go(mu::unlock);
        t.join();
        assertTrue(mu.tryLock());
        mu.unlock();
    }

    // Go: not reentrant — the holder locking again blocks (here until interrupted).
    @Test
    void notReentrant() throws InterruptedException {
        Mutex mu = new Mutex();
        AtomicBoolean interrupted = new AtomicBoolean();
        Chan<Boolean> locked = Chan.make(1);
        Thread t = Go.go(() -> {
            mu.lock();
            locked.send(true);
            try {
                mu.lock();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        locked.recv();
        Thread.sleep(20);
        assertTrue(t.isAlive(), "relocking returned");
        t.interrupt();
        t.join();
        assertTrue(interrupted.get());
        mu.unlock();
    }

    // An interrupted waiter leaves the queue: the lock stays usable and is not taken by it.
    @Test
    void interruptedWaiterLeavesQueue() throws InterruptedException {
        Mutex mu = new Mutex();
        mu.lock();
        AtomicInteger got = new AtomicInteger();
        Thread t = Go.go(() -> {
            try {
                mu.lock();
                got.incrementAndGet();
            } catch (InterruptedException expected) {
                // left the queue
            }
        });
        Thread.sleep(20);
        t.interrupt();
        t.join();
        mu.unlock();
        assertTrue(mu.tryLock(), "the interrupted waiter took the lock");
        mu.unlock();
        assertEquals(0, got.get());
    }

    // Interrupts that hit waiters at any moment (queued, just woken, just handed the mutex in starvation mode)
    // neither break mutual exclusion nor lose a wake-up: every goroutine finishes and the mutex ends up free.
    @Test
    void interruptsUnderContentionLoseNothing() throws InterruptedException {
        Mutex mu = new Mutex();
        int goroutines = 6;
        int[] counter = {0};
        AtomicInteger locked = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlap = new AtomicBoolean();
        Thread[] workers = new Thread[goroutines];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(goroutines); // not interruptible
        for (int g = 0; g < goroutines; g++) {
            int id = g;
            workers[g] = Go.go(() -> {
                for (int i = 0; i < 1_000; i++) {
                    try {
                        mu.lock();
                    } catch (InterruptedException e) {
                        continue; // not taken: nothing to undo
                    }
                    if (inside.incrementAndGet() != 1) overlap.set(true);
                    counter[0]++;
                    long until = System.nanoTime() + (i % 50 == id ? 1_500_000 : 20_000); // now and then > 1 ms
                    while (System.nanoTime() < until) Thread.onSpinWait();
                    inside.decrementAndGet();
                    locked.incrementAndGet();
                    mu.unlock();
                    Thread.yield(); // let the others run on this carrier: 2 cores are few
                }
                done.countDown();
            });
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread interrupter = Go.go(() -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            while (!stop.get()) {
                workers[random.nextInt(goroutines)].interrupt();
                for (int spin = random.nextInt(2_000); spin > 0; spin--) Thread.onSpinWait();
                Thread.yield();
            }
        });
        done.await();
        stop.set(true);
        interrupter.join();
        assertFalse(overlap.get(), "two goroutines held the mutex at once");
        assertEquals(locked.get(), counter[0]);
        assertTrue(mu.tryLock(), "the mutex is left free: " + mu);
        mu.unlock();
    }
}
