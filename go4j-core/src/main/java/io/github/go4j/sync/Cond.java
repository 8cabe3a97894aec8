package io.github.go4j.sync;

import io.github.go4j.spi.internal.Events;
import io.github.go4j.sync.internal.NotifyList;
import java.util.Objects;

/**
 * Go's {@code sync.Cond}: a rendezvous point for goroutines waiting for, or announcing, a condition guarded by
 * a {@link Locker}.
 *
 * <p>{@link #await()} must be called with the locker held; it releases it, waits, and holds it again when it
 * returns. Wake-ups are in FIFO order and never lost: a {@link #signal()} after a waiter released the lock in
 * {@code await} wakes it (or an earlier waiter). {@link #signal()} and {@link #broadcast()} may be called with or
 * without holding the lock (Go's rule). As in Go, a woken waiter must recheck its condition in a loop. The
 * happens-before edges are the locker's own.
 */
public final class Cond {
    private final Locker locker;
    private final NotifyList waiters = new NotifyList();

    /**
     * A condition over {@code locker} (Go's {@code sync.NewCond(l)}).
     *
     * @param locker the lock held around waits and changes of the condition
     * @throws NullPointerException if {@code locker} is null
     */
    public Cond(Locker locker) {
        this.locker = Objects.requireNonNull(locker, "locker");
    }

    /**
     * The locker given to the constructor (Go's {@code c.L}).
     *
     * @return the locker
     */
    public Locker locker() {
        return locker;
    }

    /**
     * Releases the locker, waits for a {@link #signal()} or {@link #broadcast()}, then locks it again before
     * returning (also when it throws).
     *
     * @throws IllegalStateException if the locker is not locked
     * @throws InterruptedException if interrupted while waiting; the locker is held again
     */
    public void await() throws InterruptedException {
        NotifyList.Ticket t = waiters.add();
        try {
            locker.unlock();
        } catch (RuntimeException notLocked) {
            waiters.forget(t);
            throw notLocked;
        }
        InterruptedException interrupt = null;
        Events.blocked(this, "sync.Cond.Wait");
        try {
            waiters.await(t, this);
        } catch (InterruptedException e) {
            interrupt = e;
        } finally {
            Events.unblocked(this);
        }
        boolean interruptedWhileLocking = false;
        while (true) {
            try {
                locker.lock();
                break;
            } catch (InterruptedException e) {
                interruptedWhileLocking = true;
            }
        }
        if (interrupt != null) throw interrupt;
        if (interruptedWhileLocking) Thread.currentThread().interrupt();
    }

    /** Wakes the goroutine that has waited longest, if any. Never blocks. */
    public void signal() {
        waiters.signal();
    }

    /** Wakes every waiting goroutine. Never blocks. */
    public void broadcast() {
        waiters.broadcast();
    }
}
