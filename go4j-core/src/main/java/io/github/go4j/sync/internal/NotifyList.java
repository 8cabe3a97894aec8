package io.github.go4j.sync.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * The wait queue behind {@code Cond} (Go's runtime {@code notifyList}).
 *
 * <p>Implementation note. A waiter enqueues a {@link Ticket} <em>before</em> it releases the user's lock, so a
 * signal sent after that release cannot be missed. The queue is FIFO and guarded by this object's monitor:
 * {@code signal} hands the oldest ticket its wake-up ({@code notified = true}, then unpark), {@code broadcast}
 * all tickets present. A waiter that is interrupted removes its ticket under the monitor unless it was notified
 * first; then it keeps the wake-up (and its interrupt status), so no signal is ever lost.
 */
public final class NotifyList {

    /** One waiter's place in the queue. */
    public static final class Ticket {
        final Thread thread = Thread.currentThread();
        Ticket next;            // guarded by the list
        volatile boolean notified;
    }

    private Ticket head, tail; // guarded by this

    /** Enqueues the current thread; call before releasing the lock the condition is about. */
    public synchronized Ticket add() {
        Ticket t = new Ticket();
        if (tail == null) head = t; else tail.next = t;
        tail = t;
        return t;
    }

    /**
     * Parks until {@code t} is notified.
     *
     * @throws InterruptedException if interrupted first; {@code t} has then left the queue
     */
    public void await(Ticket t, Object blocker) throws InterruptedException {
        while (!t.notified) {
            if (Thread.interrupted()) {
                synchronized (this) {
                    if (!t.notified) {
                        remove(t);
                        throw new InterruptedException();
                    }
                }
                Thread.currentThread().interrupt(); // notified at the same time: keep the wake-up
                return;
            }
            LockSupport.park(blocker);
        }
    }

    /** Takes back a ticket whose waiter will not wait after all (it could not release the lock). */
    public synchronized void forget(Ticket t) {
        remove(t);
    }

    private void remove(Ticket t) {
        Ticket prev = null;
        for (Ticket c = head; c != null; prev = c, c = c.next) {
            if (c != t) continue;
            if (prev == null) head = c.next; else prev.next = c.next;
            if (tail == c) tail = prev;
            return;
        }
    }

    /** Wakes the oldest waiter, if any. */
    public void signal() {
        Ticket t;
        synchronized (this) {
            t = head;
            if (t == null) return;
            head = t.next;
            if (head == null) tail = null;
            t.notified = true;
        }
        LockSupport.unpark(t.thread);
    }

    /** Wakes every waiter present now. */
    public void broadcast() {
        Ticket t;
        synchronized (this) {
            t = head;
            head = tail = null;
            for (Ticket c = t; c != null; c = c.next) c.notified = true;
        }
        for (; t != null; t = t.next) LockSupport.unpark(t.thread);
    }
}
