package io.github.go4j.sync;

import io.github.go4j.context.Context;
import io.github.go4j.context.internal.ContextOps;
import io.github.go4j.spi.internal.Events;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code golang.org/x/sync/semaphore.Weighted}: a semaphore of {@code size} units that callers acquire
 * and release in weights.
 *
 * <p><b>Strict FIFO</b>: waiters are served in arrival order, and a waiter whose weight does not fit yet holds
 * up every waiter behind it, so a large request is never starved by small ones. {@link #tryAcquire} therefore
 * fails whenever anyone is waiting. A request larger than the size can never succeed: it waits (without
 * holding anyone up) until its context is done and then fails with the context's error. A waiter whose context
 * is done first leaves the queue, giving back units it may have been granted at that moment, and wakes the
 * waiters behind it if they now fit.
 *
 * <p><b>Happens-before</b>: a {@link #release} happens-before the return of an acquisition that uses units it
 * gave back.
 */
public final class Semaphore {
    /*
     * Implementation note (x/sync's algorithm). cur units are held; waiters form a FIFO doubly linked list,
     * both guarded by this object's monitor. A release grants waiters from the front while the front one fits
     * (setting its ready flag, then unparking it), and stops at the first that does not: that is what makes
     * the order strict and large requests safe from starvation. A waiter parks until ready, its context is done
     * (an inline callback on the context unparks it) or it is interrupted; leaving, it either gives back units
     * granted in the meantime or unlinks itself, waking the new front if it was the front. A request larger than
     * the size is never queued, so it cannot hold anyone up.
     */

    /** One blocked acquisition; the queue links and {@code ready} are guarded by the semaphore. */
    private static final class Waiter {
        final long n;
        final Thread thread = Thread.currentThread();
        Waiter prev, next;
        volatile boolean ready;

        Waiter(long n) {
            this.n = n;
        }
    }

    private final long size;
    private long cur;            // guarded by this
    private Waiter head, tail;   // guarded by this

    /**
     * A semaphore with {@code size} units, all free.
     *
     * @param size the number of units
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public Semaphore(long size) {
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
        this.size = size;
    }

    /**
     * Acquires {@code n} units, blocking until they are available (in FIFO order) or {@code ctx} is done. On
     * failure nothing is held. A context that is already done fails even if the units are free.
     *
     * @param ctx the context whose end abandons the wait
     * @param n the number of units
     * @throws NullPointerException if {@code ctx} is null
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws io.github.go4j.context.CanceledException or {@link io.github.go4j.context.DeadlineExceededException}
     *     (as {@link Context#throwIfDone()} throws them), if {@code ctx} is done before the units were acquired
     * @throws InterruptedException if interrupted while waiting; nothing is held
     */
    public void acquire(Context ctx, long n) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx");
        checkWeight(n);
        Waiter w;
        synchronized (this) {
            ctx.throwIfDone();
            if (size - cur >= n && head == null) {
                cur += n;
                Events.acquire(this, 0);
                return;
            }
            w = n > size ? null : enqueue(new Waiter(n));
        }
        Thread me = Thread.currentThread();
        Context.Stop wake = ContextOps.onDone(ctx, () -> LockSupport.unpark(me));
        Events.blocked(this, "semaphore.Acquire");
        try {
            if (w == null) {
                waitUntilDone(ctx); // too big ever to fit: fail with the context, holding nobody up
                return;
            }
            while (!w.ready) {
                RuntimeException err = ctx.err();
                boolean interrupted = err == null && Thread.interrupted();
                if (err != null || interrupted) {
                    giveUp(w);
                    if (interrupted) throw new InterruptedException();
                    throw ContextOps.doneException(err);
                }
                LockSupport.park(this);
            }
        } finally {
            Events.unblocked(this);
            wake.stop();
        }
        RuntimeException err = ctx.err();
        if (err != null) { // granted, but the context was done first: as Go, give the units back
            release(n);
            throw ContextOps.doneException(err);
        }
        Events.acquire(this, 0);
    }

    private static void waitUntilDone(Context ctx) throws InterruptedException {
        while (true) {
            ctx.throwIfDone();
            if (Thread.interrupted()) throw new InterruptedException();
            LockSupport.park(ctx);
        }
    }

    /** A waiter leaves: if it was granted meanwhile it gives the units back, else it leaves the queue. */
    private synchronized void giveUp(Waiter w) {
        if (w.ready) {
            cur -= w.n;
            notifyWaiters();
            return;
        }
        boolean front = head == w;
        unlink(w);
        if (front && size > cur) notifyWaiters();
    }

    /**
     * Acquires {@code n} units if they are free now and nobody waits; never blocks.
     *
     * @param n how many units
     * @return true if the units were acquired
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public boolean tryAcquire(long n) {
        checkWeight(n);
        synchronized (this) {
            if (size - cur < n || head != null) return false;
            cur += n;
        }
        Events.acquire(this, 0);
        return true;
    }

    /**
     * Releases {@code n} units and grants waiters, in order, as long as the first one fits.
     *
     * @param n the number of units to give back
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws IllegalStateException "semaphore: released more than held" (the semaphore is left unchanged and
     *     no happens-before edge is reported)
     */
    public void release(long n) {
        checkWeight(n);
        synchronized (this) {
            if (cur - n < 0) throw new IllegalStateException("semaphore: released more than held");
            Events.release(this, 0);
            cur -= n;
            notifyWaiters();
        }
    }

    private void notifyWaiters() {
        for (Waiter w = head; w != null; w = head) {
            if (size - cur < w.n) return; // strict FIFO: nobody overtakes the first waiter
            cur += w.n;
            unlink(w);
            w.ready = true;
            LockSupport.unpark(w.thread);
        }
    }

    private Waiter enqueue(Waiter w) {
        w.prev = tail;
        if (tail == null) head = w; else tail.next = w;
        tail = w;
        return w;
    }

    private void unlink(Waiter w) {
        if (w.prev != null) w.prev.next = w.next; else head = w.next;
        if (w.next != null) w.next.prev = w.prev; else tail = w.prev;
        w.prev = w.next = null;
    }

    private static void checkWeight(long n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
    }

    @Override
    public synchronized String toString() {
        return "Semaphore[size=" + size + ", held=" + cur + (head != null ? ", waiters" : "") + "]";
    }
}
