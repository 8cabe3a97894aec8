package io.github.go4j.chan.internal;

import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;

/**
 * The part of one select statement (Go's {@code selectgo}) that locks channels: it judges the cases
 * with all their channels locked at once and, if none is ready and the select may block, waits.
 *
 * <p>Implementation note. {@code Select} first makes one lock-free pass over the cases in a random
 * permutation (see its implementation note), which decides most selects without building anything. Only
 * when that pass could not decide does it build a {@code SelectOp}, adding the communication cases in the
 * order that pass visited them: the same permutation then orders this part, so the choice among ready
 * cases stays uniform. All the cases' channels are locked together, in a global order (by channel id,
 * each once), and polled in the permutation's order, so that "none is ready" is judged at one instant. If
 * none is and the select may block, one {@link Parker} is created and a {@link Waiter} per case is
 * enqueued on its channel, in the same order, before the locks are dropped. A counterpart claims the
 * parker through one of the waiters (a CAS, so exactly one case wins); afterwards the select unlinks its
 * other waiters, one channel at a time. Cases on nil channels take no part. A select never pairs with
 * itself because its waiters are claimed only by other goroutines' operations.
 */
public final class SelectOp {
    // per position in the visiting order, for the communication cases on non-nil channels only
    private final Channel<?>[] channels;
    private final boolean[] sends;
    private final Object[] values;
    /** The select's own index of the case at each position. */
    private final int[] caseIndex;
    private int active;
    private Object received;
    private boolean receivedOk;

    /**
     * A select over at most {@code n} communication cases.
     *
     * @param n the number of the select's cases
     */
    public SelectOp(int n) {
        channels = new Channel<?>[n];
        sends = new boolean[n];
        values = new Object[n];
        caseIndex = new int[n];
    }

    /**
     * Adds case {@code index}, a receive from {@code ch}, after those added so far.
     *
     * @param index the case's index in the select
     * @param ch the channel; null or nil: the case is never chosen
     */
    public void recv(int index, RecvChan<?> ch) {
        add(index, ch, false, null);
    }

    /**
     * Adds case {@code index}, a send of {@code value} on {@code ch}, after those added so far.
     *
     * @param index the case's index in the select
     * @param ch the channel; null or nil: the case is never chosen
     * @param value what the case sends
     */
    public void send(int index, SendChan<?> ch, Object value) {
        add(index, ch, true, value);
    }

    /** The channel behind a case's channel: null for a null or nil channel (never ready). */
    public static Channel<?> channelOf(Object ch) {
        if (ch instanceof Channel<?> c) return c;
        if (ch == null || ch instanceof NilChannel) return null;
        throw new IllegalArgumentException("select: channel of " + ch.getClass().getName()
                + " was not made by go4j (Chan.make)");
    }

    private void add(int index, Object ch, boolean send, Object value) {
        Channel<?> c = channelOf(ch);
        if (c == null) return;
        channels[active] = c;
        sends[active] = send;
        values[active] = value;
        caseIndex[active] = index;
        active++;
    }

    /** The value a chosen receive case got (null when the channel was closed). */
    public Object receivedValue() {
        return received;
    }

    /** Whether a chosen receive case got a sent value (false: closed). */
    public boolean receivedOk() {
        return receivedOk;
    }

    /**
     * With the channels locked together, performs the first ready case in the order the cases were added,
     * without blocking.
     *
     * @return the index of the case performed, or -1 if none was ready at that instant
     * @throws ChanClosedException if the case to perform is a send on a closed channel
     */
    public int poll() {
        if (active == 0) return -1;
        Channel<?>[] locks = lockOrder();
        DeferredEvents ev = DeferredEvents.begin(locks);
        lockAll(locks);
        int chosen = tryCases(locks, ev);
        if (chosen < 0) {
            unlockAll(locks, ev);
            return -1;
        }
        return caseIndex[chosen];
    }

    /**
     * Blocks until a case proceeds. The caller checked the thread's interrupt status before its first pass.
     *
     * @param timeoutNanos how long to wait at most; negative: no limit; 0: {@link #poll} once
     * @return the index of the case that proceeded, or -1 once {@code timeoutNanos} passed
     * @throws InterruptedException if interrupted while waiting; no case happened
     * @throws ChanClosedException if the case chosen is a send on a closed channel
     */
    public int await(long timeoutNanos) throws InterruptedException {
        if (timeoutNanos == 0) return poll();
        long deadline = 0;
        if (timeoutNanos > 0) {
            deadline = System.nanoTime() + timeoutNanos;
            if (deadline == 0) deadline = 1;
        }
        if (active == 0) {
            if (deadline == 0) NilChannel.blockForever(this, "select (no cases)");
            sleepUntil(deadline);
            return -1;
        }
        Channel<?>[] locks = lockOrder();
        DeferredEvents ev = DeferredEvents.begin(locks);
        lockAll(locks);
        int chosen = tryCases(locks, ev);
        if (chosen >= 0) return caseIndex[chosen];

        Parker parker = new Parker(Thread.currentThread());
        Waiter[] waiters = new Waiter[active];
        for (int k = 0; k < active; k++) {
            Waiter w = new Waiter(parker, k, values[k]);
            waiters[k] = w;
            channels[k].enqueueLocked(w, sends[k], ev);
        }
        unlockAll(locks, ev);

        boolean done;
        Events.blocked(this, "select");
        try {
            done = parker.await(deadline, this, 0);
        } catch (InterruptedException e) {
            dequeueAll(waiters, -1);
            throw e;
        } finally {
            Events.unblocked(this);
        }
        if (!done) {
            dequeueAll(waiters, -1);
            return -1;
        }
        chosen = parker.chosen;
        dequeueAll(waiters, chosen);
        if (sends[chosen]) {
            if (parker.closed) throw new ChanClosedException("send on closed channel");
            Events.acquire(waiters[chosen], 0);
        } else if (parker.receivedOk) {
            Events.acquire(waiters[chosen], 0);
            received = parker.received;
            receivedOk = true;
        } else {
            Events.acquire(channels[chosen], EventListener.CLOSE_SLOT);
            received = null;
            receivedOk = false;
        }
        return caseIndex[chosen];
    }

    /**
     * With all locks held: performs the first ready case in the order the cases were added and releases
     * all locks (and delivers {@code ev}), returning its position; or returns -1 with the locks still held.
     */
    private int tryCases(Channel<?>[] locks, DeferredEvents ev) {
        for (int i = 0; i < active; i++) {
            Channel<?> c = channels[i];
            if (sends[i]) {
                if (c.isClosedLocked()) {
                    unlockAll(locks, ev);
                    throw new ChanClosedException("send on closed channel");
                }
                if (c.offerLocked(values[i], ev)) {
                    finish(c, locks, ev);
                    return i;
                }
            } else {
                Object v = c.pollLocked(ev);
                if (v != Channel.WOULD_BLOCK) {
                    if (v == Channel.CLOSED) {
                        received = null;
                        receivedOk = false;
                    } else {
                        received = v;
                        receivedOk = true;
                    }
                    finish(c, locks, ev);
                    return i;
                }
            }
        }
        return -1;
    }

    /** Unlocks, delivers {@code ev}, then completes the counterpart the performed case paired with, if any. */
    private static void finish(Channel<?> c, Channel<?>[] locks, DeferredEvents ev) {
        Parker p = c.takeToWake();
        unlockAll(locks);
        if (ev != null) Channel.deliver(ev, p);
        else if (p != null) p.complete();
    }

    /** The distinct channels, sorted by id (insertion sort: selects are small). */
    private Channel<?>[] lockOrder() {
        Channel<?>[] locks = new Channel<?>[active];
        int n = 0;
        outer:
        for (int k = 0; k < active; k++) {
            Channel<?> c = channels[k];
            int j = n;
            while (j > 0 && locks[j - 1].id > c.id) j--;
            if (j > 0 && locks[j - 1] == c) continue outer;
            System.arraycopy(locks, j, locks, j + 1, n - j);
            locks[j] = c;
            n++;
        }
        if (n == locks.length) return locks;
        Channel<?>[] distinct = new Channel<?>[n];
        System.arraycopy(locks, 0, distinct, 0, n);
        return distinct;
    }

    private static void lockAll(Channel<?>[] locks) {
        for (Channel<?> c : locks) c.lock();
    }

    private static void unlockAll(Channel<?>[] locks) {
        for (int i = locks.length - 1; i >= 0; i--) locks[i].unlock();
    }

    /** Unlocks, then delivers {@code ev} (null: no listener). */
    private static void unlockAll(Channel<?>[] locks, DeferredEvents ev) {
        unlockAll(locks);
        if (ev != null) ev.deliver();
    }

    /** Unlinks the waiters at every position but {@code except}, one channel at a time. */
    private void dequeueAll(Waiter[] waiters, int except) {
        for (int k = 0; k < active; k++) {
            if (k != except) channels[k].removeWaiter(waiters[k], sends[k]);
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
