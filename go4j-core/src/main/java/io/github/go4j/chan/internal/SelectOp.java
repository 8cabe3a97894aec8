package io.github.go4j.chan.internal;

import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.RecvChan;
import io.github.go4j.chan.SendChan;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One execution of a select statement: Go's {@code selectgo}.
 *
 * <p>Implementation note. The cases are visited in a random permutation and the first ready one
 * proceeds, which makes the choice among ready cases uniform. A first pass skips, without a lock, each
 * case a seqlock read shows would block, and tries the others under their own channel's lock only
 * (one lock held at a time): a case it finds ready is ready when performed, a choice Go's select could
 * make. Only when that pass finds nothing are all the cases' channels locked together, in a global order
 * (by channel id, each once), and polled again in the same permutation, so that "none is ready" is
 * judged at one instant. If none is and the select may block, one {@link Parker} is created and a
 * {@link Waiter} per case is enqueued on its channel, in the same order, before the locks are dropped.
 * A counterpart claims the parker through one of the waiters (a CAS, so exactly one case wins);
 * afterwards the select unlinks its other waiters, one channel at a time. Cases on nil channels take no
 * part. A select never pairs with itself because its waiters are claimed only by other goroutines'
 * operations.
 */
public final class SelectOp {
    private final Channel<?>[] channels; // per case index; null = not a communication, or nil channel
    private final boolean[] sends;
    private final Object[] values;
    private int active;
    private Object received;
    private boolean receivedOk;

    public SelectOp(int n) {
        channels = new Channel<?>[n];
        sends = new boolean[n];
        values = new Object[n];
    }

    /** Case {@code index} receives from {@code ch} (null or nil: never chosen). */
    public void recv(int index, RecvChan<?> ch) {
        add(index, ch, false, null);
    }

    /** Case {@code index} sends {@code value} on {@code ch} (null or nil: never chosen). */
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
        channels[index] = c;
        sends[index] = send;
        values[index] = value;
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

    /** Performs a ready case without blocking; its index, or -1 if none was ready. */
    public int poll() {
        if (active == 0 || noneReady()) return -1;
        int[] order = pollOrder();
        int chosen = tryEach(order);
        if (chosen >= 0) return chosen;
        // something looked ready but was taken, or the channels kept changing: decide at one instant
        Channel<?>[] locks = lockOrder();
        DeferredEvents ev = DeferredEvents.begin(locks);
        lockAll(locks);
        chosen = tryCases(order, locks, ev);
        if (chosen < 0) unlockAll(locks, ev);
        return chosen;
    }

    /**
     * Blocks until a case proceeds and returns its index, or -1 once {@code timeoutNanos} passed
     * ({@code timeoutNanos < 0}: no timeout; 0: poll once).
     */
    public int await(long timeoutNanos) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
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
        int[] order = pollOrder();
        int chosen = tryEach(order);
        if (chosen >= 0) return chosen;
        Channel<?>[] locks = lockOrder();
        DeferredEvents ev = DeferredEvents.begin(locks);
        lockAll(locks);
        chosen = tryCases(order, locks, ev);
        if (chosen >= 0) return chosen;

        Parker parker = new Parker(Thread.currentThread());
        Waiter[] waiters = new Waiter[channels.length];
        for (int i : order) {
            Waiter w = new Waiter(parker, i, values[i]);
            waiters[i] = w;
            channels[i].enqueueLocked(w, sends[i], ev);
        }
        unlockAll(locks, ev);

        boolean done;
        Events.blocked(this, "select");
        try {
            done = parker.await(deadline, this, 0);
        } catch (InterruptedException e) {
            dequeueAll(order, waiters, -1);
            throw e;
        } finally {
            Events.unblocked(this);
        }
        if (!done) {
            dequeueAll(order, waiters, -1);
            return -1;
        }
        chosen = parker.chosen;
        dequeueAll(order, waiters, chosen);
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
        return chosen;
    }

    /**
     * True if, at one instant, no case could proceed: judged without locking by a double collect of
     * the channels' seqlock stamps (all read while checking each case, then all re-validated
     * unchanged, so every observed state held together at the moment the first collect ended).
     * False means "maybe ready": the caller decides under the locks.
     */
    private boolean noneReady() {
        int n = channels.length;
        int[] stamps = new int[n];
        for (int i = 0; i < n; i++) {
            Channel<?> c = channels[i];
            if (c == null) continue;
            int s = c.stamp();
            if ((s & 1) != 0) return false;
            if (sends[i] ? !c.sendWouldBlock() : !c.recvWouldBlock()) return false;
            stamps[i] = s;
        }
        for (int i = 0; i < n; i++) {
            Channel<?> c = channels[i];
            if (c != null && !c.validate(stamps[i])) return false;
        }
        return true;
    }

    /**
     * The cheap first pass: in {@code order}, skips each case that a lock-free read shows would block,
     * and tries the others under their own channel's lock only (one lock held at a time). Returns the
     * index of the case performed, or -1 if none was. A case found ready is ready at the moment it is
     * performed, so the choice is one Go's select could make; only "none is ready" needs the channels
     * judged together, which {@link #tryCases} does with all locks held.
     */
    private int tryEach(int[] order) {
        for (int i : order) {
            Channel<?> c = channels[i];
            boolean send = sends[i];
            if (c.wouldBlockStamp(send) >= 0) continue;
            Object v = c.tryNow(send, values[i]);
            if (v == Channel.WOULD_BLOCK) continue;
            if (!send) {
                received = v == Channel.CLOSED ? null : v;
                receivedOk = v != Channel.CLOSED;
            }
            return i;
        }
        return -1;
    }

    /**
     * With all locks held: performs the first ready case in {@code order} and releases all locks (and
     * delivers {@code ev}), returning its index; or returns -1 with the locks still held.
     */
    private int tryCases(int[] order, Channel<?>[] locks, DeferredEvents ev) {
        for (int i : order) {
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

    private int[] pollOrder() {
        int[] order = new int[active];
        int k = 0;
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != null) order[k++] = i;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The distinct channels, sorted by id (insertion sort: selects are small). */
    private Channel<?>[] lockOrder() {
        Channel<?>[] locks = new Channel<?>[active];
        int n = 0;
        outer:
        for (Channel<?> c : channels) {
            if (c == null) continue;
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

    private void dequeueAll(int[] order, Waiter[] waiters, int except) {
        for (int i : order) {
            if (i != except) channels[i].removeWaiter(waiters[i], sends[i]);
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
