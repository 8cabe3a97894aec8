package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/sync/rwmutex_test.go (and the RWMutex cases of mutex_test.go's TestMutexMisuse), ported. */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class RWMutexTest {

    static void doTestParallelReaders(int numReaders) throws InterruptedException {
        RWMutex m = new RWMutex();
        Chan<Boolean> clocked = Chan.make();
        Chan<Boolean> cunlock = Chan.make();
        Chan<Boolean> cdone = Chan.make();
        for (int i = 0; i < numReaders; i++) {
            Go.go(() -> {
                m.rLock();
                clocked.send(true);
                cunlock.recv();
                m.rUnlock();
                cdone.send(true);
            });
        }
        for (int i = 0; i < numReaders; i++) clocked.recv(); // all RLocks succeed together
        for (int i = 0; i < numReaders; i++) cunlock.send(true);
        for (int i = 0; i < numReaders; i++) cdone.recv();
    }

    /** Waits until {@code t} is parked (its first blocking call here is the lock it queues for). */
    static void awaitParked(Thread t) {
        while (t.getState() != Thread.State.WAITING) Thread.yield();
    }

    // rwmutex_test.go TestParallelReaders
    @Test
    void testParallelReaders() throws InterruptedException {
        doTestParallelReaders(1);
        doTestParallelReaders(3);
        doTestParallelReaders(4);
    }

    static void reader(RWMutex rwm, int iterations, AtomicInteger activity, Chan<Boolean> cdone) throws InterruptedException {
        for (int i = 0; i < iterations; i++) {
            rwm.rLock();
            int n = activity.addAndGet(1);
            if (n < 1 || n >= 10000) {
                rwm.rUnlock();
                throw new AssertionError("wlock(" + n + ")");
            }
            activity.addAndGet(-1);
            rwm.rUnlock();
        }
        cdone.send(true);
    }

    static void writer(RWMutex rwm, int iterations, AtomicInteger activity, Chan<Boolean> cdone) throws InterruptedException {
        for (int i = 0; i < iterations; i++) {
            rwm.lock();
            int n = activity.addAndGet(10000);
            if (n != 10000) {
                rwm.unlock();
                throw new AssertionError("wlock(" + n + ")");
            }
            activity.addAndGet(-10000);
            rwm.unlock();
        }
        cdone.send(true);
    }

    static void hammerRWMutex(int numReaders, int iterations) throws InterruptedException {
        AtomicInteger activity = new AtomicInteger(); // active readers + 10000 * active writers
        RWMutex rwm = new RWMutex();
        Chan<Boolean> cdone = Chan.make();
        Go.go(() -> writer(rwm, iterations, activity, cdone));
        int i;
        for (i = 0; i < numReaders / 2; i++) Go.go(() -> reader(rwm, iterations, activity, cdone));
        Go.go(() -> writer(rwm, iterations, activity, cdone));
        for (; i < numReaders; i++) Go.go(() -> reader(rwm, iterations, activity, cdone));
        for (int k = 0; k < 2 + numReaders; k++) cdone.recv();
    }

    // rwmutex_test.go TestRWMutex
    @Test
    void testRWMutex() throws InterruptedException {
        RWMutex m = new RWMutex();
        m.lock();
        assertFalse(m.tryLock(), "TryLock succeeded with mutex locked");
        assertFalse(m.tryRLock(), "TryRLock succeeded with mutex locked");
        m.unlock();
        assertTrue(m.tryLock(), "TryLock failed with mutex unlocked");
        m.unlock();
        assertTrue(m.tryRLock(), "TryRLock failed with mutex unlocked");
        assertTrue(m.tryRLock(), "TryRLock failed with mutex rlocked");
        assertFalse(m.tryLock(), "TryLock succeeded with mutex rlocked");
        m.rUnlock();
        m.rUnlock();

        int n = 300;
        hammerRWMutex(1, n);
        hammerRWMutex(3, n);
        hammerRWMutex(10, n);
        hammerRWMutex(5, n);
    }

    // rwmutex_test.go TestRLocker
    @Test
    void testRLocker() throws InterruptedException {
        RWMutex wl = new RWMutex();
        Locker rl = wl.rLocker();
        Chan<Boolean> wlocked = Chan.make(1);
        Chan<Boolean> rlocked = Chan.make(1);
        int n = 10;
        Go.go(() -> {
            for (int i = 0; i < n; i++) {
                rl.lock();
                rl.lock();
                rlocked.send(true);
                wl.lock();
                wlocked.send(true);
            }
        });
        for (int i = 0; i < n; i++) {
            rlocked.recv();
            rl.unlock();
            assertNull(wlocked.tryRecv(), "RLocker() didn't read-lock it");
            rl.unlock();
            wlocked.recv();
            assertNull(rlocked.tryRecv(), "RLocker() didn't respect the write lock");
            wl.unlock();
        }
    }

    // mutex_test.go TestMutexMisuse: RWMutex.Unlock, Unlock2, Unlock3, RUnlock, RUnlock2, RUnlock3
    @Test
    void testMutexMisuse() throws InterruptedException {
        String unlock = "sync: Unlock of unlocked RWMutex";
        String runlock = "sync: RUnlock of unlocked RWMutex";
        RWMutex mu = new RWMutex();
        assertEquals(unlock, assertThrows(IllegalStateException.class, mu::unlock).getMessage());
        mu.lock();
        mu.unlock();
        assertEquals(unlock, assertThrows(IllegalStateException.class, mu::unlock).getMessage());
        mu.rLock();
        assertEquals(unlock, assertThrows(IllegalStateException.class, mu::unlock).getMessage());
        mu.rUnlock();
        assertEquals(runlock, assertThrows(IllegalStateException.class, mu::rUnlock).getMessage());
        mu.rLock();
        mu.rUnlock();
        assertEquals(runlock, assertThrows(IllegalStateException.class, mu::rUnlock).getMessage());
        mu.lock();
        assertEquals(runlock, assertThrows(IllegalStateException.class, mu::rUnlock).getMessage());
        mu.unlock();
        assertTrue(mu.tryLock(), "misuse leaves the lock usable");
        mu.unlock();
    }

    // Writer preference: once a writer waits, new readers wait behind it; tryRLock fails.
    @Test
    void waitingWriterBlocksNewReaders() throws InterruptedException {
        RWMutex rw = new RWMutex();
        rw.rLock();
        Chan<String> order = Chan.make(3);
        awaitParked(Go.go(() -> {
            rw.lock();
            order.send("writer");
            rw.unlock();
        }));
        assertFalse(rw.tryRLock(), "TryRLock succeeded with a writer pending");
        awaitParked(Go.go(() -> {
            rw.rLock();
            order.send("reader");
            rw.rUnlock();
        }));
        assertNull(order.tryRecv(), "nobody may get in while the first reader holds the lock");
        rw.rUnlock();
        assertEquals("writer", order.recv());
        assertEquals("reader", order.recv());
    }

    // An interrupted writer leaves the queue: the readers queued behind it get in beside the current ones.
    @Test
    void interruptedWriterLetsQueuedReadersIn() throws InterruptedException {
        RWMutex rw = new RWMutex();
        rw.rLock();
        boolean[] writerInterrupted = {false};
        Thread writer = Go.go(() -> {
            try {
                rw.lock();
                rw.unlock();
            } catch (InterruptedException e) {
                writerInterrupted[0] = true;
            }
        });
        awaitParked(writer);
        Chan<Boolean> readerIn = Chan.make(1);
        awaitParked(Go.go(() -> {
            rw.rLock();
            readerIn.send(true);
            rw.rUnlock();
        }));
        assertNull(readerIn.tryRecv(), "the reader must queue behind the waiting writer");
        writer.interrupt();
        writer.join();
        assertTrue(writerInterrupted[0]);
        assertTrue(readerIn.recv(), "the queued reader gets in once the writer has left");
        rw.rUnlock();
        assertTrue(rw.tryLock());
        rw.unlock();
    }

    // Not owner-bound: another goroutine may unlock.
    @Test
    void anyGoroutineMayUnlock() throws InterruptedException {
        RWMutex rw = new RWMutex();
        rw.lock();
        Go.go(rw::unlock).join();
        rw.rLock();
        Go.go(rw::rUnlock).join();
        assertTrue(rw.tryLock());
        rw.unlock();
    }
}
