package io.github.go4j.sync;

import io.github.go4j.spi.Events;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Go's {@code sync.Mutex}: a mutual exclusion lock.
 *
 * <p>Go's semantics, not {@link java.util.concurrent.locks.ReentrantLock}'s: it is <em>not reentrant</em>
 * (a goroutine that locks it twice blocks forever, as in Go) and <em>not owned</em>: a goroutine may unlock a
 * mutex another one locked. Unlocking an unlocked mutex throws {@code IllegalStateException("sync: unlock of
 * unlocked mutex")}. It is not fair, as Go's: a goroutine arriving while the mutex is free may take it before
 * waiting ones, which keeps throughput high; but once a waiter has waited 1 ms the mutex hands over in FIFO
 * order until the queue drains (Go's starvation mode), so no waiter starves.
 *
 * <p><b>Happens-before</b> (Go's memory model): the n-th {@link #unlock()} happens-before the return of
 * the m-th {@link #lock()} for n &lt; m; a successful {@link #tryLock()} counts as a lock.
 */
public final class Mutex implements Locker {

    /** How long a waiter waits before the mutex stops admitting newcomers ahead of it (Go's 1 ms). */
    private static final long STARVATION_NANOS = 1_000_000;

    /**
     * Implementation note: state 0 = unlocked, 1 = locked; no owner is recorded. In normal mode an arriving
     * goroutine may take a free mutex before the queued ones (barging: fast, not fair). When a waiter has waited
     * {@link #STARVATION_NANOS} without success it sets {@code starving}: newcomers then queue up behind the
     * waiters (FIFO hand-over, Go's starvation mode) until a waiter acquires with nobody queued behind it.
     */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        volatile boolean starving;

        @Override
        protected boolean tryAcquire(int ignored) {
            if (getState() != 0) return false;
            if (starving && hasQueuedPredecessors()) return false;
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (!compareAndSetState(1, 0)) throw new IllegalStateException("sync: unlock of unlocked mutex");
            return true;
        }

        boolean locked() {
            return getState() != 0;
        }
    }

    private final Sync sync = new Sync();

    /** An unlocked mutex. */
    public Mutex() {}

    /**
     * Locks, blocking while another goroutine holds the mutex.
     *
     * @throws InterruptedException if interrupted while waiting; the mutex was not taken
     */
    @Override
    public void lock() throws InterruptedException {
        if (!sync.tryAcquire(1)) {
            Events.blocked(this, "sync.Mutex.Lock");
            try {
                if (!sync.tryAcquireNanos(1, STARVATION_NANOS)) {
                    sync.starving = true;
                    sync.acquireInterruptibly(1);
                }
                if (sync.starving && !sync.hasQueuedThreads()) sync.starving = false;
            } finally {
                Events.unblocked(this);
            }
        }
        Events.acquire(this, 0);
    }

    /** Locks if the mutex is free now; never blocks. Returns whether it locked. */
    public boolean tryLock() {
        if (!sync.tryAcquire(1)) return false;
        Events.acquire(this, 0);
        return true;
    }

    /**
     * Unlocks; wakes one waiting goroutine, if any. May be called from any goroutine.
     *
     * @throws IllegalStateException "sync: unlock of unlocked mutex" (nothing is released: no happens-before
     *     edge is reported and the mutex is unchanged)
     */
    @Override
    public void unlock() {
        if (!sync.locked()) throw new IllegalStateException("sync: unlock of unlocked mutex");
        Events.release(this, 0);
        sync.release(1); // still throws if a concurrent unlock of the same lock won (a misuse racing a use)
    }

    @Override
    public String toString() {
        return "Mutex[" + (sync.locked() ? "locked" : "unlocked") + "]";
    }
}
