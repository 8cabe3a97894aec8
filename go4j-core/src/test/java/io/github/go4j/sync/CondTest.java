package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Go's src/sync/cond_test.go, ported (names kept). */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class CondTest {

    // cond_test.go TestCondSignal
    @Test
    void testCondSignal() throws InterruptedException {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 2;
        Chan<Boolean> running = Chan.make(n);
        Chan<Boolean> awake = Chan.make(n);
        for (int i = 0; i < n; i++) {
            Go.go(() -> {
                m.lock();
                running.send(true);
                c.await();
                awake.send(true);
                m.unlock();
            });
        }
        for (int i = 0; i < n; i++) running.recv();
        while (n > 0) {
            assertNull(awake.tryRecv(), "goroutine not asleep");
            m.lock();
            c.signal();
            m.unlock();
            awake.recv(); // blocks if no goroutine wakes up
            assertNull(awake.tryRecv(), "too many goroutines awake");
            n--;
        }
        c.signal();
    }

    // cond_test.go TestCondSignalGenerations
    @Test
    void testCondSignalGenerations() throws InterruptedException {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 100;
        Chan<Boolean> running = Chan.make(n);
        Chan<Integer> awake = Chan.make(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            Go.go(() -> {
                m.lock();
                running.send(true);
                c.await();
                awake.send(id);
                m.unlock();
            });
            if (i > 0) {
                int a = awake.recv();
                assertEquals(i - 1, a, "wrong goroutine woke up");
            }
            running.recv();
            m.lock();
            c.signal();
            m.unlock();
        }
    }

    // cond_test.go TestCondBroadcast
    @Test
    void testCondBroadcast() throws InterruptedException {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 200;
        Chan<Integer> running = Chan.make(n);
        Chan<Integer> awake = Chan.make(n);
        boolean[] exit = {false};
        for (int i = 0; i < n; i++) {
            int g = i;
            Go.go(() -> {
                m.lock();
                while (!exit[0]) {
                    running.send(g);
                    c.await();
                    awake.send(g);
                }
                m.unlock();
            });
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) running.recv(); // blocks unless n are running
            if (i == n - 1) {
                m.lock();
                exit[0] = true;
                m.unlock();
            }
            assertNull(awake.tryRecv(), "goroutine not asleep");
            m.lock();
            c.broadcast();
            m.unlock();
            boolean[] seen = new boolean[n];
            for (int k = 0; k < n; k++) {
                int g = awake.recv();
                assertFalse(seen[g], "goroutine woke up twice");
                seen[g] = true;
            }
        }
        assertNull(running.tryRecv(), "goroutine did not exit");
        c.broadcast();
    }

    // cond_test.go TestRace
    @Test
    void testRace() throws InterruptedException {
        int[] x = {0};
        Cond c = new Cond(new Mutex());
        Chan<Boolean> done = Chan.make();
        AtomicBoolean failed = new AtomicBoolean();
        Go.go(() -> {
            c.locker().lock();
            x[0] = 1;
            c.await();
            if (x[0] != 2) failed.set(true);
            x[0] = 3;
            c.signal();
            c.locker().unlock();
            done.send(true);
        });
        Go.go(() -> {
            c.locker().lock();
            while (true) {
                if (x[0] == 1) {
                    x[0] = 2;
                    c.signal();
                    break;
                }
                c.locker().unlock();
                Thread.yield();
                c.locker().lock();
            }
            c.locker().unlock();
            done.send(true);
        });
        Go.go(() -> {
            c.locker().lock();
            while (true) {
                if (x[0] == 2) {
                    c.await();
                    if (x[0] != 3) failed.set(true);
                    break;
                }
                if (x[0] == 3) break;
                c.locker().unlock();
                Thread.yield();
                c.locker().lock();
            }
            c.locker().unlock();
            done.send(true);
        });
        done.recv();
        done.recv();
        done.recv();
        assertFalse(failed.get(), "want 2, then 3");
    }

    // cond_test.go TestCondSignalStealing
    @Test
    void testCondSignalStealing() throws InterruptedException {
        for (int iters = 0; iters < 300; iters++) {
            Mutex m = new Mutex();
            Cond cond = new Cond(m);
            Chan<Boolean> ch = Chan.make();
            Go.go(() -> {
                m.lock();
                ch.send(true);
                cond.await();
                m.unlock();
                ch.send(true);
            });
            ch.recv();
            m.lock();
            m.unlock();
            // The waiter is inside await. Race a broadcast against a second waiter: the first must wake.
            boolean[] done = {false};
            Go.go(cond::broadcast);
            Go.go(() -> {
                m.lock();
                while (!done[0]) cond.await();
                m.unlock();
            });
            boolean woke = Select.select(Case.recv(ch, v -> true), Case.after(Duration.ofSeconds(2), () -> false));
            assertTrue(woke, "First waiter didn't get broadcast.");
            m.lock();
            done[0] = true;
            m.unlock();
            cond.broadcast();
        }
    }

    // Signal and broadcast are allowed without holding the lock; await without it is misuse.
    @Test
    void signalWithoutLockAndAwaitMisuse() throws InterruptedException {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        c.signal();
        c.broadcast();
        assertThrows(IllegalStateException.class, c::await);
        // The failed await left no waiter behind to swallow a signal.
        Chan<Boolean> awake = Chan.make(1);
        Go.go(() -> {
            m.lock();
            c.await();
            m.unlock();
            awake.send(true);
        });
        while (true) {
            c.signal();
            if (Select.select(Case.recv(awake, v -> true), Case.after(Duration.ofMillis(5), () -> false))) break;
        }
        assertThrows(NullPointerException.class, () -> new Cond(null));
    }

    // An interrupted await holds the lock again and throws.
    @Test
    void interruptedAwaitRelocks() throws InterruptedException {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        AtomicBoolean heldAfter = new AtomicBoolean();
        Thread t = Go.go(() -> {
            m.lock();
            try {
                c.await();
            } catch (InterruptedException e) {
                sawInterrupt.set(true);
            }
            heldAfter.set(!m.tryLock());
            m.unlock();
        });
        Thread.sleep(20);
        t.interrupt();
        t.join();
        assertTrue(sawInterrupt.get());
        assertTrue(heldAfter.get(), "await must return with the lock held");
        assertTrue(m.tryLock());
    }
}
