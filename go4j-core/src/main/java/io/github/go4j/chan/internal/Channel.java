package io.github.go4j.chan.internal;

import io.github.go4j.chan.Chan;
import io.github.go4j.chan.ChanClosedException;
import io.github.go4j.chan.Received;
import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * go4j's channel: Go's {@code hchan} on the JVM.
 *
 * <p>Implementation note. The design is Go's runtime/chan.go: one short lock per channel guards a ring
 * buffer ({@code buf}, {@code recvx}, {@code count}), the closed flag and two FIFO wait queues of
 * blocked goroutines. Invariants, with the lock held:
 * <ul>
 *   <li>at least one of {@code sendq} and {@code recvq} has no claimable waiter, except transiently
 *       for a select that waits to send and to receive on the same channel (a select never pairs with
 *       itself: its entries are only ever claimed by other goroutines);</li>
 *   <li>buffered: if {@code recvq} has a claimable waiter the buffer is empty; if {@code sendq} has
 *       one the buffer is full;</li>
 *   <li>once {@code closed}, both queues are empty and stay empty.</li>
 * </ul>
 * A sender that finds a waiting receiver hands its value over directly (and the reverse for a receiver
 * meeting a blocked sender of an unbuffered channel; for a full buffered channel the receiver takes the
 * head of the buffer and moves the sender's value to the tail, keeping FIFO). The fast path of a buffered
 * channel nobody waits on is one CAS to lock, a few plain accesses, and a release store to unlock: no
 * allocation and no wake-up (an empty queue is one read). Only a goroutine that must wait allocates
 * (a {@link Parker} and a {@link Waiter}); it spins briefly before parking because a parked handoff costs
 * about ten times a spinning one (see PERFORMANCE.md).
 *
 * <p>Why not the lock-free segment list of Koval, Alistarh and Elizarov (Kotlin, jox)? Its advantage is
 * under heavy contention of many cores; on a handful of cores a short critical section costs about the
 * same, while Go's design keeps select simple (lock all channels of the select in a global order,
 * judge readiness at one instant, enqueue on all) and gives exact Go semantics, including a default
 * case that runs only when no case is ready. The lock spins (the critical section never blocks and
 * runs no foreign code), then yields, then parks for growing intervals: its holder may have been
 * descheduled, and a waiter that never parks keeps its carrier from running anything else.
 *
 * <p>Happens-before, reported through {@link Events}, exactly Go's rules and no more: a goroutine that
 * waits releases on its waiter when it enqueues and acquires it after it wakes; the goroutine that
 * pairs with it releases on the same waiter, and on an unbuffered channel also acquires it (there the
 * receive happens-before the send's completion too). On a buffered channel the n-th send
 * and the n-th receive both use slot {@code n mod C} (a direct handoff advances {@code recvx} as Go's
 * does, so the numbering holds): a send acquires its slot (the (n-C)-th receive's release) and releases
 * it, a receive acquires and releases its slot; when one side of that pair is parked, the active side
 * {@linkplain Events#transfer transfers} the parked one's waiter clock to the slot instead of acquiring
 * it, so the (k+C)-th send sees the parked k-th receiver without the sender that woke it doing so.
 * Close releases {@link EventListener#CLOSE_SLOT}; a receive that sees the close acquires it. The events
 * an operation produces under the lock are recorded in a {@link DeferredEvents} and delivered after the
 * lock is released, in lock order, before the counterpart it paired with is completed: no listener code
 * runs under the spin lock.
 */
public final class Channel<T> extends PaddedSpinBudget implements Chan<T> {

    private static final AtomicLong IDS = new AtomicLong();

    /** Global lock order for select. */
    final long id = IDS.incrementAndGet();
    private final int capacity;
    private final Object[] buf;
    private int recvx;
    private int count;
    private boolean closed;
    final WaitQueue recvq = new WaitQueue();
    final WaitQueue sendq = new WaitQueue();
    /** A waiter paired with under the lock, to complete after unlocking; guarded by the lock. */
    private Parker toWake;
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int lockWord;
    /** Orders the delivery of events while a listener is registered ({@link DeferredEvents}); made on first use. */
    private volatile ReentrantLock deliveryLock;

    public Channel(int capacity) {
        this.capacity = capacity;
        this.buf = capacity == 0 ? null : new Object[capacity];
        this.spinBudget = capacity == 0 ? SpinBudget.INITIAL : 0;
    }

    /** Waits for a counterpart; on an unbuffered channel with the channel's adaptive spin first. */
    private boolean awaitHandoff(Parker p) throws InterruptedException {
        if (capacity != 0) return p.await(0, this, 0);
        int budget = spinBudget;
        boolean done = p.await(0, this, SpinBudget.toSpin(budget));
        int next = SpinBudget.next(budget, p.spinOutcome());
        if (next != budget) spinBudget = next; // a store only when it changes: the steady state writes nothing
        return done;
    }

    // ---------------------------------------------------------------- lock

    // The lock word is also a sequence number (a seqlock): odd while held, and every unlock moves it
    // to the next even value. A reader that sees the same even value before and after reading the
    // fields saw a state that held at one instant, without taking the lock: that is how an operation
    // that would block (tryRecv on an empty channel, a select with a default) fails without a CAS.

    void lock() {
        int v = (int) LOCK.getOpaque(this);
        if ((v & 1) != 0 || !LOCK.compareAndSet(this, v, v + 1)) lockSlow();
    }

    /** Spins before each yield while waiting for the lock. */
    private static final int LOCK_SPINS = 128;
    /** Yields before the waiter starts parking. */
    private static final int LOCK_YIELDS = 16;
    /** The first and the longest park of a waiter for the lock, in ns; the parks double in between. */
    private static final long LOCK_PARK_MIN = 1_000;
    private static final long LOCK_PARK_MAX = 1_000_000;

    /**
     * The lock is held for a few hundred instructions, so a waiter spins first; if the holder is not
     * running (its carrier was descheduled), the waiter yields, so that other goroutines on its carrier
     * run, and after {@link #LOCK_YIELDS} yields parks for a while, doubling up to a millisecond, so that
     * it does not keep a core busy. Unlocking stays one store: nobody is unparked, the parks are timed.
     */
    private void lockSlow() {
        long park = LOCK_PARK_MIN;
        for (int round = 0; ; round++) {
            for (int i = 0; i < LOCK_SPINS; i++) {
                int v = (int) LOCK.getOpaque(this);
                if ((v & 1) == 0 && LOCK.compareAndSet(this, v, v + 1)) return;
                Thread.onSpinWait();
            }
            if (round < LOCK_YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, park);
                park = Math.min(2 * park, LOCK_PARK_MAX);
            }
        }
    }

    void unlock() {
        LOCK.setRelease(this, lockWord + 1);
    }

    /** The lock word for an optimistic read: even if the lock is free now, odd if it is held. */
    int stamp() {
        return (int) LOCK.getAcquire(this);
    }

    /** True if nobody locked the channel since {@link #stamp()} returned {@code stamp} (an even value). */
    boolean validate(int stamp) {
        VarHandle.acquireFence();
        return (int) LOCK.getOpaque(this) == stamp;
    }

    /**
     * Lock-free: if a send ({@code send}) or a receive on this channel would block now, the seqlock stamp
     * that proves it (an even value, as an unsigned int); -1 if it might proceed (or the lock is held).
     */
    public long wouldBlockStamp(boolean send) {
        int s = stamp();
        if ((s & 1) == 0 && (send ? sendWouldBlock() : recvWouldBlock()) && validate(s)) {
            return Integer.toUnsignedLong(s);
        }
        return -1;
    }

    /** The seqlock stamp now, as an unsigned int (odd while locked); it only ever grows, modulo 2^32. */
    public long currentStamp() {
        return Integer.toUnsignedLong(stamp());
    }

    /**
     * Performs a send of {@code value} ({@code send}) or a receive, if it can proceed without waiting:
     * returns {@link #WOULD_BLOCK} if it cannot, else for a receive the value or {@link #CLOSED}, for a
     * send {@link #WOULD_BLOCK}'s opposite, {@code value} itself.
     *
     * @param send true for a send, false for a receive
     * @param value what a send sends (ignored by a receive)
     * @return {@link #WOULD_BLOCK}; or what was received, or {@link #CLOSED}; or {@code value} once sent
     * @throws ChanClosedException for a send on a closed channel
     */
    public Object tryNow(boolean send, Object value) {
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        if (send) {
            if (closed) {
                unlockAndWake(ev);
                throw new ChanClosedException("send on closed channel");
            }
            boolean sent = offerLocked(value, ev);
            unlockAndWake(ev);
            return sent ? value : WOULD_BLOCK;
        }
        Object v = pollLocked(ev);
        unlockAndWake(ev);
        return v;
    }

    /** Optimistic (validate afterwards): a receive would block now. */
    boolean recvWouldBlock() {
        return count == 0 && sendq.isEmpty() && !closed;
    }

    /** Optimistic (validate afterwards): a send would block now (and would not throw). */
    boolean sendWouldBlock() {
        return count == capacity && recvq.isEmpty() && !closed;
    }

    /**
     * Unlocks, delivers the operation's events ({@code ev}, null without a listener), then completes the
     * waiter the operation paired with under the lock (if any): the wake-up, which may cost an unpark,
     * happens outside the critical section, as in Go, and after the events, so that the woken side's
     * acquire comes after this side's release.
     */
    void unlockAndWake(DeferredEvents ev) {
        Parker p = toWake;
        if (p != null) toWake = null;
        unlock();
        if (ev != null) deliver(ev, p);
        else if (p != null) p.complete();
    }

    /** Delivers {@code ev}, then completes {@code p} (if not null) even if a listener threw. */
    static void deliver(DeferredEvents ev, Parker p) {
        try {
            ev.deliver();
        } finally {
            if (p != null) p.complete();
        }
    }

    /** With the lock held: takes the waiter to complete once the lock is released. */
    Parker takeToWake() {
        Parker p = toWake;
        toWake = null;
        return p;
    }

    /** The lock that orders the delivery of this channel's events ({@link DeferredEvents}). */
    ReentrantLock deliveryLock() {
        ReentrantLock l = deliveryLock;
        if (l != null) return l;
        l = new ReentrantLock();
        ReentrantLock won = (ReentrantLock) DELIVERY_LOCK.compareAndExchange(this, null, l);
        return won == null ? l : won;
    }

    // ---------------------------------------------------------------- send

    @Override
    public void send(T value) throws InterruptedException {
        Objects.requireNonNull(value, "value");
        if (Thread.interrupted()) throw new InterruptedException();
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        Waiter w = sendLocked(value, ev);
        if (w == SENT) return;
        // must wait: w is ours, enqueued; the lock is released
        awaitSend(w);
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        int stamp = stamp();
        if ((stamp & 1) == 0 && sendWouldBlock() && validate(stamp)) return false;
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        if (closed) {
            unlockAndWake(ev);
            throw new ChanClosedException("send on closed channel");
        }
        boolean sent = offerLocked(value, ev);
        unlockAndWake(ev);
        return sent;
    }

    /** Sentinel result of {@link #sendLocked}: the value went through. */
    private static final Waiter SENT = new Waiter(null, -1, null);

    /**
     * With the lock held: sends or enqueues; returns SENT or our waiter, with the lock released and
     * {@code ev} delivered.
     */
    private Waiter sendLocked(T value, DeferredEvents ev) {
        if (closed) {
            unlockAndWake(ev);
            throw new ChanClosedException("send on closed channel");
        }
        if (offerLocked(value, ev)) {
            unlockAndWake(ev);
            return SENT;
        }
        Parker p = new Parker(Thread.currentThread());
        Waiter w = new Waiter(p, 0, value);
        if (ev != null) ev.enqueued(w, this, true);
        sendq.enqueue(w);
        unlockAndWake(ev);
        return w;
    }

    /**
     * With the lock held (and kept): hands {@code value} to a waiting receiver (left in {@link #toWake})
     * or buffers it and returns true; false if it would block. The channel is not closed. The events go to
     * {@code ev} (null: no listener).
     */
    boolean offerLocked(Object value, DeferredEvents ev) {
        Waiter r = recvq.claimFirst();
        if (r != null) {
            if (capacity == 0) {
                if (ev != null) {
                    ev.acquire(r, 0);
                    ev.release(r, 0);
                }
            } else {
                // buffer empty: this is the n-th send and r the n-th receive, both on slot recvx
                int i = recvx;
                if (ev != null) {
                    ev.acquire(this, i);
                    ev.release(r, 0);
                    ev.transfer(r, 0, this, i);
                }
                recvx = i + 1 == capacity ? 0 : i + 1;
            }
            Parker p = r.parker;
            p.received = value;
            p.receivedOk = true;
            toWake = p;
            return true;
        }
        if (count < capacity) {
            int i = recvx + count;
            if (i >= capacity) i -= capacity;
            buf[i] = value;
            count++;
            if (ev != null) {
                ev.acquire(this, i);
                ev.release(this, i);
            }
            return true;
        }
        return false;
    }

    private void awaitSend(Waiter w) throws InterruptedException {
        Parker p = w.parker;
        Events.blocked(this, "chan send");
        try {
            awaitHandoff(p);
        } catch (InterruptedException e) {
            lock();
            sendq.remove(w);
            unlock();
            throw e;
        } finally {
            Events.unblocked(this);
        }
        if (p.closed) throw new ChanClosedException("send on closed channel");
        Events.acquire(w, 0);
    }

    // ---------------------------------------------------------------- receive

    /** {@link #pollLocked} result: nothing to receive now; the lock is still held. */
    public static final Object WOULD_BLOCK = new Object();
    /** Receive result: the channel is closed and drained. */
    public static final Object CLOSED = new Object();

    @Override
    @SuppressWarnings("unchecked")
    public T recv() throws InterruptedException {
        Object v = receive();
        return v == CLOSED ? null : (T) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> recvOk() throws InterruptedException {
        Object v = receive();
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> tryRecv() {
        int stamp = stamp();
        if ((stamp & 1) == 0 && recvWouldBlock() && validate(stamp)) return null;
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        Object v = pollLocked(ev);
        unlockAndWake(ev);
        if (v == WOULD_BLOCK) return null;
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    /** Receives, waiting if needed: the value, or {@link #CLOSED}. */
    private Object receive() throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        Object v = pollLocked(ev);
        if (v != WOULD_BLOCK) {
            unlockAndWake(ev);
            return v;
        }
        Parker p = new Parker(Thread.currentThread());
        Waiter w = new Waiter(p, 0, null);
        if (ev != null) ev.enqueued(w, this, false);
        recvq.enqueue(w);
        unlockAndWake(ev);
        Events.blocked(this, "chan receive");
        try {
            awaitHandoff(p);
        } catch (InterruptedException e) {
            lock();
            recvq.remove(w);
            unlock();
            throw e;
        } finally {
            Events.unblocked(this);
        }
        if (!p.receivedOk) {
            Events.acquire(this, EventListener.CLOSE_SLOT);
            return CLOSED;
        }
        Events.acquire(w, 0);
        return p.received;
    }

    /**
     * With the lock held (and kept): receives if that needs no waiting and returns the value or
     * {@link #CLOSED} (a blocked sender it completed is left in {@link #toWake}); returns
     * {@link #WOULD_BLOCK} if it would have to wait. The events go to {@code ev} (null: no listener).
     */
    Object pollLocked(DeferredEvents ev) {
        if (count > 0) {
            int i = recvx;
            Object v = buf[i];
            if (ev != null) {
                ev.acquire(this, i);
                ev.release(this, i);
            }
            Waiter s = sendq.claimFirst();
            if (s != null) {
                // full buffer and a blocked sender: its value takes the freed slot at the tail
                // s is the (n+C)-th send: it sees this n-th receive, and the (n+C)-th receive sees it
                buf[i] = s.value;
                if (ev != null) {
                    ev.release(s, 0);
                    ev.transfer(s, 0, this, i);
                }
                recvx = i + 1 == capacity ? 0 : i + 1;
                toWake = s.parker;
            } else {
                buf[i] = null;
                recvx = i + 1 == capacity ? 0 : i + 1;
                count--;
            }
            return v;
        }
        Waiter s = sendq.claimFirst();
        if (s != null) {
            if (ev != null) {
                ev.acquire(s, 0);
                ev.release(s, 0);
            }
            toWake = s.parker;
            return s.value;
        }
        if (closed) {
            if (ev != null) ev.acquire(this, EventListener.CLOSE_SLOT);
            return CLOSED;
        }
        return WOULD_BLOCK;
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        List<Parker> woken = new ArrayList<>();
        DeferredEvents ev = DeferredEvents.begin(this);
        lock();
        if (closed) {
            unlockAndWake(ev);
            throw new ChanClosedException("close of closed channel");
        }
        closed = true;
        if (ev != null) ev.release(this, EventListener.CLOSE_SLOT);
        Waiter w;
        while ((w = recvq.claimFirst()) != null) {
            w.parker.received = null;
            w.parker.receivedOk = false;
            woken.add(w.parker);
        }
        while ((w = sendq.claimFirst()) != null) {
            w.parker.closed = true;
            woken.add(w.parker);
        }
        unlock();
        try {
            if (ev != null) ev.deliver();
        } finally {
            for (Parker p : woken) p.complete();
        }
    }

    boolean isClosedLocked() {
        return closed;
    }

    /**
     * With the lock held: registers a select's waiter for receiving ({@code send == false}) or sending; its
     * release goes to {@code ev} (null: no listener).
     */
    void enqueueLocked(Waiter w, boolean send, DeferredEvents ev) {
        if (ev != null) ev.enqueued(w, this, send);
        (send ? sendq : recvq).enqueue(w);
    }

    /** Unlinks a select's waiter that did not win. */
    void removeWaiter(Waiter w, boolean send) {
        lock();
        (send ? sendq : recvq).remove(w);
        unlock();
    }

    // ---------------------------------------------------------------- the rest of the API

    @Override
    public int len() {
        lock();
        int n = count;
        unlock();
        return n;
    }

    @Override
    public int cap() {
        return capacity;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private T next;

            @Override
            public boolean hasNext() {
                if (next != null) return true;
                try {
                    next = recv();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while ranging over a channel");
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException("channel closed and drained");
                T v = next;
                next = null;
                return v;
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The channel's length, capacity and whether it is closed, read at one instant.
     *
     * @return e.g. {@code Chan[len=3, cap=16, closed]}; an unbuffered channel is {@code Chan[unbuffered]}
     *     (or {@code Chan[unbuffered, closed]})
     */
    @Override
    public String toString() {
        int len;
        boolean isClosed;
        int stamp = stamp();
        len = count;
        isClosed = closed;
        if ((stamp & 1) != 0 || !validate(stamp)) { // it changed meanwhile: read under the lock
            lock();
            len = count;
            isClosed = closed;
            unlock();
        }
        StringBuilder b = new StringBuilder("Chan[");
        if (capacity == 0) b.append("unbuffered");
        else b.append("len=").append(len).append(", cap=").append(capacity);
        if (isClosed) b.append(", closed");
        return b.append(']').toString();
    }

    private static final VarHandle LOCK;
    private static final VarHandle DELIVERY_LOCK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LOCK = lookup.findVarHandle(Channel.class, "lockWord", int.class);
            DELIVERY_LOCK = lookup.findVarHandle(Channel.class, "deliveryLock", ReentrantLock.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
