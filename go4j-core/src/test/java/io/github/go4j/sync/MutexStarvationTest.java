package io.github.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.go4j.Go;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Go's two fairness modes of {@link Mutex} (sync/mutex.go), driven step by step: a fake clock decides who has
 * waited 1 ms, and a probe holds a woken waiter back so that a newcomer can barge in before it competes. No
 * step depends on how the scheduler happens to interleave the goroutines.
 */
@ExtendWith(GoroutinePanics.class)
@Timeout(20)
class MutexStarvationTest {
    private static final long WAITED_LONG = 2 * Mutex.STARVATION_NANOS;

    private final AtomicLong now = new AtomicLong();
    private final AtomicReference<Thread> holdBack = new AtomicReference<>();
    private final CountDownLatch heldBack = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    /** A mutex on the fake clock whose probe stops {@link #holdBack}'s thread once, when it is first woken. */
    private final Mutex m = new Mutex(now::get, () -> {
        if (holdBack.compareAndSet(Thread.currentThread(), null)) {
            heldBack.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    });

    /** Lockers hold the mutex until this opens. */
    private final CountDownLatch unlockers = new CountDownLatch(1);
    /** What each goroutine saw while it held the mutex, in the order they held it. */
    private final List<String> held = Collections.synchronizedList(new ArrayList<>());

    private static void awaitTrue(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) Thread.onSpinWait();
    }

    /**
     * Starts a goroutine that locks, records what it saw, waits for {@link #unlockers} and unlocks; returns once
     * it is queued.
     */
    private Thread queueLocker(String name) {
        int before = m.queued();
        Thread t = Go.go(() -> {
            m.lock();
            held.add(name + (m.starving() ? " starving" : "") + " queued=" + m.queued());
            unlockers.await();
            m.unlock();
        });
        awaitTrue(() -> m.queued() == before + 1);
        return t;
    }

    /**
     * The test holds the mutex; {@code first} is queued and has waited long; the test unlocks, a newcomer
     * (the test again) barges in before {@code first} competes, and {@code first} goes back to the queue.
     */
    private void bargeAheadOf(Thread first, int queuedAfter) throws InterruptedException {
        holdBack.set(first);
        m.unlock();           // normal mode: wakes the head, which does not own the mutex
        heldBack.await();
        assertTrue(m.tryLock(), "in normal mode a newcomer may take the mutex before the woken waiter");
        letGo.countDown();
        awaitTrue(() -> m.queued() == queuedAfter);
    }

    @Test
    void aWaiterThatLostAfterWaiting1msIsHandedTheMutexAheadOfEveryone() throws InterruptedException {
        m.lock();
        Thread w1 = queueLocker("w1");
        Thread w2 = queueLocker("w2");
        now.set(WAITED_LONG);
        bargeAheadOf(w1, 2);
        assertTrue(m.starving(), "the waiter that lost after waiting 1 ms switches to starvation mode");
        assertEquals("Mutex[locked, starving]", m.toString());
        Thread n3 = queueLocker("n3"); // arrives in starvation mode: queues at the tail
        Thread n4 = queueLocker("n4");

        m.unlock();
        assertFalse(m.tryLock(), "starvation mode: the mutex was handed to the head waiter, not left free");
        unlockers.countDown();
        for (Thread t : List.of(w1, w2, n3, n4)) t.join();

        assertEquals(List.of(
                "w1 starving queued=3",   // lost once, kept its place at the head
                "w2 starving queued=2",   // waited 1 ms: starvation mode goes on
                "n3 queued=1",            // handed the mutex after waiting < 1 ms: back to normal mode
                "n4 queued=0"), held);
        assertFalse(m.starving());
        assertTrue(m.tryLock());
        m.unlock();
    }

    @Test
    void starvationModeEndsWhenTheHandedWaiterIsTheLast() throws InterruptedException {
        m.lock();
        Thread w1 = queueLocker("w1");
        now.set(WAITED_LONG);
        bargeAheadOf(w1, 1);
        assertTrue(m.starving());
        unlockers.countDown();
        m.unlock();
        w1.join();
        assertEquals(List.of("w1 queued=0"), held);
        assertFalse(m.starving());
        assertEquals("Mutex[unlocked]", m.toString());
    }

    @Test
    void aWokenWaiterThatLosesKeepsItsPlaceAtTheHead() throws InterruptedException {
        m.lock();
        Thread w1 = queueLocker("w1");
        Thread w2 = queueLocker("w2");
        bargeAheadOf(w1, 2); // the clock did not move: w1 waited < 1 ms
        assertFalse(m.starving(), "a waiter that waited < 1 ms does not switch to starvation mode");
        unlockers.countDown();
        m.unlock();
        w1.join();
        w2.join();
        assertEquals(List.of("w1 queued=1", "w2 queued=0"), held);
    }

    @Test
    void anInterruptedStarvingWaiterLeavesAndStarvationModeWithIt() throws InterruptedException {
        m.lock();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread w1 = Go.go(() -> {
            try {
                m.lock();
                m.unlock();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        awaitTrue(() -> m.queued() == 1);
        now.set(WAITED_LONG);
        bargeAheadOf(w1, 1);
        assertTrue(m.starving());
        w1.interrupt();
        w1.join();
        assertTrue(interrupted.get(), "the interrupted waiter did not throw");
        assertFalse(m.starving(), "no waiter is left to hand the mutex to");
        m.unlock();
        assertTrue(m.tryLock(), "the mutex is free for anyone again");
        m.unlock();
    }

    /**
     * With real time and real scheduling: goroutines that queue are served in the order they queued, however
     * long they wait and whatever barging newcomers do. The event SPI reports {@code blocked} as a goroutine
     * joins the queue; each goroutine that blocked checks, holding the mutex, that it is the oldest one still
     * waiting.
     */
    @Test
    @Timeout(60)
    void queuedGoroutinesAreServedInTheOrderTheyQueued() throws Exception {
        Mutex mu = new Mutex();
        ArrayDeque<Thread> queuedOrder = new ArrayDeque<>();
        ThreadLocal<boolean[]> blocked = ThreadLocal.withInitial(() -> new boolean[1]);
        AtomicReference<String> violation = new AtomicReference<>();
        try (AutoCloseable registration = Events.register(new EventListener() {
            @Override
            public void blocked(Object on, String waitReason) {
                if (on != mu) return;
                blocked.get()[0] = true;
                synchronized (queuedOrder) {
                    queuedOrder.add(Thread.currentThread());
                }
            }
        })) {
            WaitGroup wg = new WaitGroup();
            for (int g = 0; g < 6; g++) {
                wg.add(1);
                Go.go(() -> {
                    try {
                        hammer(mu, queuedOrder, blocked, violation);
                    } finally {
                        wg.done();
                    }
                });
            }
            wg.await();
        }
        assertNull(violation.get());
        synchronized (queuedOrder) {
            assertSame(null, queuedOrder.peek(), "every goroutine that queued got the mutex");
        }
    }

    private static void hammer(Mutex mu, ArrayDeque<Thread> queuedOrder, ThreadLocal<boolean[]> blocked,
            AtomicReference<String> violation) throws InterruptedException {
        for (int i = 0; i < 1_500 && violation.get() == null; i++) {
            blocked.get()[0] = false;
            mu.lock();
            if (blocked.get()[0]) {
                Thread oldest;
                synchronized (queuedOrder) {
                    oldest = queuedOrder.poll();
                }
                if (oldest != Thread.currentThread()) {
                    violation.compareAndSet(null, Thread.currentThread() + " got the mutex before " + oldest
                            + ", which had queued earlier (lock #" + i + ")");
                }
            }
            for (long until = System.nanoTime() + 10_000; System.nanoTime() < until; ) Thread.onSpinWait();
            mu.unlock();
            Thread.yield(); // let the others run on this carrier: 2 cores are few
        }
    }
}
