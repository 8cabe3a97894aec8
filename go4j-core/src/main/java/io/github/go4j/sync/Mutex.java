package io.github.go4j.sync;

import io.github.go4j.spi.internal.Events;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Go's {@code sync.Mutex}: a mutual exclusion lock.
 *
 * <p>Go's semantics, not {@link java.util.concurrent.locks.ReentrantLock}'s: it is <em>not reentrant</em>
 * (a goroutine that locks it twice blocks forever, as in Go) and <em>not owned</em>: a goroutine may unlock a
 * mutex another one locked. Unlocking an unlocked mutex throws {@code IllegalStateException("sync: unlock of
 * unlocked mutex")} and changes nothing.
 *
 * <p><b>Fairness</b> (Go's two modes). Goroutines that have to wait queue in arrival order and keep their
 * place: no queued goroutine is ever overtaken by one queued after it. In <em>normal mode</em> a goroutine
 * arriving while the mutex is free may take it before the woken head of the queue (barging keeps throughput
 * high); the head that loses stays at the head. Once the head has waited more than 1 ms and still loses, the
 * mutex enters <em>starvation mode</em>: each {@link #unlock()} hands the mutex directly to the head of the
 * queue, and arriving goroutines (and {@link #tryLock()}) do not take it even while it looks free, but queue
 * behind. Starvation mode ends when the goroutine the mutex was handed to is the last one queued or had waited
 * less than 1 ms. So newcomers overtake the head of the queue only until it has waited more than 1 ms and
 * then lost once more, and no queued goroutine ever overtakes one queued before it.
 *
 * <p><b>Happens-before</b> (Go's memory model): the n-th {@link #unlock()} happens-before the return of
 * the m-th {@link #lock()} for n &lt; m; a successful {@link #tryLock()} counts as a lock.
 */
public final class Mutex implements Locker {
    /*
     * Implementation notes (the algorithm of Go's sync/mutex.go with runtime/sema.go's hand-off, on a queue
     * of our own).
     *
     * state, one int changed only by compare-and-set, has three bits:
     *   LOCKED   the mutex is held.
     *   STARVING starvation mode. Set only together with LOCKED, by a woken waiter that has waited more than
     *            STARVATION_NANOS and found the mutex held; cleared only by the waiter the mutex is handed to
     *            (or when the last waiter leaves). Between an unlock in starvation mode and the hand-off
     *            target setting LOCKED again, the state is STARVING without LOCKED: the mutex is still taken
     *            (every acquisition path treats LOCKED|STARVING alike), and a second unlock there sees it
     *            unlocked and is rejected, as in Go.
     *   WAITERS  the queue is not empty; maintained under the queue's monitor at every queue change. An unlock
     *            that clears LOCKED and sees WAITERS or STARVING goes to the slow path.
     *
     * The queue (created on first contention; its monitor guards the links, wakerPending and every waiter's
     * status change) holds the waiters in order. A waiter decides to wait and joins the queue in one monitor
     * section, with a CAS that requires the state it decided on, so an unlock that clears LOCKED either comes
     * before that CAS (which then fails: the waiter sees the mutex free and retries) or sees WAITERS and takes
     * the monitor after the waiter is queued: no wake-up is lost.
     *
     * Normal mode: unlock clears LOCKED and, unless a woken waiter is still on its way (wakerPending, Go's
     * mutexWoken) or someone already took the mutex, removes the head and wakes it (WOKEN). The woken waiter
     * competes like a newcomer; if it loses, it goes back to the head of the queue (LIFO for a waiter that has
     * waited before), so waiters never overtake each other. Starvation mode: unlock clears LOCKED and hands the
     * mutex to the head (HANDED_OFF); that waiter sets LOCKED itself and decides whether starvation ends.
     *
     * The event SPI hears blocked when a goroutine first joins the queue (under the monitor, so the order
     * of those events is the queue's order) and unblocked when its lock() returns or throws.
     *
     * An interrupted waiter still WAITING leaves the queue and throws; one already WOKEN or HANDED_OFF keeps
     * its interrupt status and goes on (a handed-off waiter owns the mutex, a woken one competes once more and
     * throws if it has to queue again).
     *
     * Memory ordering: state is volatile and changed only through STATE.compareAndSet; everything else about
     * waiters is under the queue's monitor, except Waiter.status, which is volatile so that a parked waiter can
     * read it without the monitor.
     */

    /** How long a waiter may wait before it switches the mutex to starvation mode (Go's 1 ms). */
    static final long STARVATION_NANOS = 1_000_000;

    private static final int LOCKED = 1, STARVING = 2, WAITERS = 4;
    private static final String UNLOCK_OF_UNLOCKED = "sync: unlock of unlocked mutex";
    private static final LongSupplier SYSTEM_NANO_TIME = System::nanoTime;
    private static final Runnable NOTHING = () -> {};
    private static final VarHandle STATE, QUEUE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Mutex.class, "state", int.class);
            QUEUE = l.findVarHandle(Mutex.class, "queue", WaitQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private volatile WaitQueue queue;     // created on first contention, then never changed
    private final LongSupplier nanoTime;  // the clock that measures waiting (a test's fake one, or the system's)
    private final Runnable beforeRetry;   // run by a woken waiter before it competes again (a test's probe)

    /** An unlocked mutex. */
    public Mutex() {
        this(SYSTEM_NANO_TIME, NOTHING);
    }

    /** For tests: a mutex that measures waiting with {@code nanoTime} and runs {@code beforeRetry} in a woken waiter. */
    Mutex(LongSupplier nanoTime, Runnable beforeRetry) {
        this.nanoTime = nanoTime;
        this.beforeRetry = beforeRetry;
    }

    /**
     * Locks, blocking while another goroutine holds the mutex.
     *
     * @throws InterruptedException if interrupted while waiting; the mutex was not taken (a goroutine that
     *     is interrupted just as the mutex is handed to it takes it and keeps its interrupt status)
     */
    @Override
    public void lock() throws InterruptedException {
        if (!tryBarge()) lockSlow();
        Events.acquire(this, 0);
    }

    /**
     * Locks if the mutex is free now; never blocks. In starvation mode the mutex belongs to the goroutines
     * queued for it, and this fails.
     *
     * @return whether it locked
     */
    public boolean tryLock() {
        if (!tryBarge()) return false;
        Events.acquire(this, 0);
        return true;
    }

    /** Takes the mutex if it is free and not reserved for the queue (normal mode); never blocks. */
    private boolean tryBarge() {
        for (int s = state; (s & (LOCKED | STARVING)) == 0; s = state) {
            if (STATE.compareAndSet(this, s, s | LOCKED)) return true;
        }
        return false;
    }

    private void lockSlow() throws InterruptedException {
        WaitQueue q = queue();
        Waiter w = null;        // this goroutine's node, once it has queued
        long waitStart = 0;
        boolean starving = false;
        try {
            while (true) {
                synchronized (q) {
                    if (w != null) q.wakerPending = false; // woken: it competes now, whatever the outcome
                    int s = state;
                    while (true) {
                        if ((s & (LOCKED | STARVING)) == 0) {
                            if (STATE.compareAndSet(this, s, s | LOCKED)) return;
                        } else {
                            int next = s | WAITERS;
                            if (starving && (s & LOCKED) != 0) next |= STARVING;
                            if (STATE.compareAndSet(this, s, next)) break;
                        }
                        s = state;
                    }
                    if (w == null) {
                        w = new Waiter();
                        q.addLast(w);
                        Events.blocked(this, "sync.Mutex.Lock");
                    } else {
                        w.status = Waiter.WAITING;
                        q.addFirst(w); // it has waited before: it keeps its place at the head
                    }
                }
                if (waitStart == 0) waitStart = nanoTime.getAsLong() | 1; // never 0 once set
                park(q, w);
                starving = starving || nanoTime.getAsLong() - waitStart > STARVATION_NANOS;
                if (w.status == Waiter.HANDED_OFF) {
                    takeHandOff(q, starving);
                    return;
                }
                beforeRetry.run();
            }
        } finally {
            if (w != null) Events.unblocked(this);
        }
    }

    /** Parks until {@code w} is woken or handed the mutex; an interrupt while still queued leaves the queue. */
    private void park(WaitQueue q, Waiter w) throws InterruptedException {
        while (w.status == Waiter.WAITING) {
            if (Thread.interrupted()) {
                synchronized (q) {
                    if (w.status == Waiter.WAITING) {
                        q.unlink(w);
                        if (q.isEmpty()) clearWhenQueueEmpty();
                        throw new InterruptedException();
                    }
                }
                Thread.currentThread().interrupt(); // woken or handed the mutex meanwhile: go on, keep the interrupt
                return;
            }
            LockSupport.park(this);
        }
    }

    /** Under the queue's monitor, once it is empty: no waiters; starvation ends unless a hand-off is under way. */
    private void clearWhenQueueEmpty() {
        for (int s = state; ; s = state) {
            int next = s & ~WAITERS;
            if ((s & LOCKED) != 0) next &= ~STARVING; // a pending hand-off (STARVING, not LOCKED) clears it itself
            if (STATE.compareAndSet(this, s, next)) return;
        }
    }

    /** The mutex was handed to this waiter: mark it locked and leave starvation mode if Go's rule says so. */
    private void takeHandOff(WaitQueue q, boolean starving) {
        synchronized (q) {
            boolean last = q.isEmpty();
            for (int s = state; ; s = state) {
                int next = s | LOCKED;
                if (last) next &= ~(STARVING | WAITERS);
                else if (!starving) next &= ~STARVING;
                if (STATE.compareAndSet(this, s, next)) return;
            }
        }
    }

    /**
     * Unlocks; in normal mode wakes the longest-waiting goroutine, if any, in starvation mode hands it the
     * mutex. May be called from any goroutine, not only the one that locked.
     *
     * @throws IllegalStateException "sync: unlock of unlocked mutex" (nothing is released: no happens-before
     *     edge is reported and the mutex is unchanged)
     */
    @Override
    public void unlock() {
        int s = state;
        if ((s & LOCKED) == 0) throw new IllegalStateException(UNLOCK_OF_UNLOCKED);
        Events.release(this, 0);
        while (!STATE.compareAndSet(this, s, s & ~LOCKED)) {
            s = state;
            // a concurrent unlock of the same lock won: a misuse racing a use
            if ((s & LOCKED) == 0) throw new IllegalStateException(UNLOCK_OF_UNLOCKED);
        }
        if ((s & (WAITERS | STARVING)) != 0) unlockSlow((s & STARVING) != 0);
    }

    private void unlockSlow(boolean starvationMode) {
        WaitQueue q = queue;
        Waiter w;
        synchronized (q) {
            if (starvationMode) {
                w = q.pollFirst();
                if (w == null) { // every waiter left (interrupted) before the hand-off: the mutex is free
                    for (int s = state; !STATE.compareAndSet(this, s, s & ~(STARVING | WAITERS)); s = state) {}
                    return;
                }
                if (q.isEmpty()) clearWaiters();
                w.status = Waiter.HANDED_OFF;
            } else {
                // someone woken is on its way, someone took the mutex (their unlock wakes), or nobody waits
                if (q.wakerPending || (state & (LOCKED | STARVING)) != 0 || q.isEmpty()) return;
                w = q.pollFirst();
                if (q.isEmpty()) clearWaiters();
                q.wakerPending = true;
                w.status = Waiter.WOKEN;
            }
        }
        LockSupport.unpark(w.thread);
    }

    private void clearWaiters() {
        for (int s = state; !STATE.compareAndSet(this, s, s & ~WAITERS); s = state) {}
    }

    private WaitQueue queue() {
        WaitQueue q = queue;
        if (q != null) return q;
        q = new WaitQueue();
        return QUEUE.compareAndSet(this, null, q) ? q : queue;
    }

    /** True while the mutex is in starvation mode (for tests). */
    boolean starving() {
        return (state & STARVING) != 0;
    }

    /** The number of goroutines queued now, not counting a woken one on its way (for tests). */
    int queued() {
        WaitQueue q = queue;
        if (q == null) return 0;
        synchronized (q) {
            int n = 0;
            for (Waiter w = q.head; w != null; w = w.next) n++;
            return n;
        }
    }

    /** {@code Mutex[locked]} or {@code Mutex[unlocked]}, with {@code , starving} in starvation mode. */
    @Override
    public String toString() {
        int s = state;
        return "Mutex[" + ((s & (LOCKED | STARVING)) != 0 ? "locked" : "unlocked")
                + ((s & STARVING) != 0 ? ", starving" : "") + "]";
    }

    /** One goroutine blocked in {@link #lock()}; links guarded by the queue, status written under it. */
    private static final class Waiter {
        static final int WAITING = 0, WOKEN = 1, HANDED_OFF = 2;
        final Thread thread = Thread.currentThread();
        Waiter prev, next;
        volatile int status;
    }

    /** The waiters in order, a doubly linked list; its monitor guards everything in it. */
    private static final class WaitQueue {
        private Waiter head, tail;
        /** A waiter was woken in normal mode and has not competed yet: unlocks need not wake another. */
        boolean wakerPending;

        boolean isEmpty() {
            return head == null;
        }

        void addLast(Waiter w) {
            w.prev = tail;
            w.next = null;
            if (tail == null) head = w; else tail.next = w;
            tail = w;
        }

        void addFirst(Waiter w) {
            w.prev = null;
            w.next = head;
            if (head == null) tail = w; else head.prev = w;
            head = w;
        }

        Waiter pollFirst() {
            Waiter w = head;
            if (w != null) unlink(w);
            return w;
        }

        void unlink(Waiter w) {
            if (w.prev != null) w.prev.next = w.next; else head = w.next;
            if (w.next != null) w.next.prev = w.prev; else tail = w.prev;
            w.prev = w.next = null;
        }
    }
}
