package io.github.go4j.chan.internal;

import io.github.go4j.spi.internal.Events;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The happens-before events of one channel operation (or one select), recorded while the channels' spin
 * locks are held and delivered to the listeners after they are released. Exists only while a listener is
 * registered: without one, an operation has none (null) and pays one read and a branch.
 *
 * <p>Implementation note. A listener may block and allocate (the race detector takes a monitor), so it
 * must not run under a channel's spin lock, where every other goroutine touching the channel would spin
 * behind it. But the events must reach the listener in the order that the spin lock gave the operations:
 * a buffered channel's slot clock is acquired and released by the operations in turn, and a parked
 * goroutine's release at enqueue must precede the acquire of the goroutine that pairs with it. So each
 * channel has a second lock, its <em>delivery lock</em> (a {@link ReentrantLock}, which parks), taken
 * before the spin lock and released only after the events were delivered: operations with events pass
 * the spin lock in the order they took the delivery lock, and deliver in that order too. A select takes the
 * delivery locks of its channels in the global channel order before their spin locks, as it takes those.
 *
 * <p>A counterpart that an operation paired with is completed only after the operation delivered its
 * events ({@link Channel#unlockAndWake}), so a release reaches the listener before the parked side can
 * see the transfer and report its acquire. Operations that began before a listener was registered take no
 * delivery lock; their events may be missed (as {@link Events} documents).
 *
 * <p>If a listener throws, the operation's delivery locks are still released and a counterpart it paired
 * with is still completed; an operation that had enqueued itself to wait withdraws its waiters (when no
 * one claimed them yet) before the exception propagates.
 */
final class DeferredEvents {
    /** Marks an acquire or a release in the slot a transfer uses for its target's slot. */
    private static final long ACQUIRE = 0;
    private static final long RELEASE = 1;

    /** The channel whose delivery lock this operation holds, or null when {@link #several} holds them. */
    private final Channel<?> one;
    /** For a select: the channels whose delivery locks it holds, in the global lock order. */
    private final Channel<?>[] several;
    /** Per event: its sync object and, for a transfer, the target object (else null). */
    private Object[] objects = new Object[8];
    /** Per event: its slot and, for a transfer, the target's slot (else {@link #ACQUIRE} or {@link #RELEASE}). */
    private long[] numbers = new long[8];
    private int count;
    /** The waiters this operation enqueued (with their channel and direction), to withdraw if delivering fails. */
    private Waiter[] enqueued;
    private Channel<?>[] enqueuedOn;
    private boolean[] enqueuedToSend;
    private int enqueuedCount;

    private DeferredEvents(Channel<?> one, Channel<?>[] several) {
        this.one = one;
        this.several = several;
    }

    /**
     * Before an operation on {@code ch} takes its spin lock: null when no listener is registered, else a
     * record holding {@code ch}'s delivery lock.
     */
    static DeferredEvents begin(Channel<?> ch) {
        if (!Events.enabled()) return null;
        ch.deliveryLock().lock();
        return new DeferredEvents(ch, null);
    }

    /** As {@link #begin(Channel)}, for a select over {@code locks} (distinct, in the global lock order). */
    static DeferredEvents begin(Channel<?>[] locks) {
        if (!Events.enabled()) return null;
        for (Channel<?> c : locks) c.deliveryLock().lock();
        return new DeferredEvents(null, locks);
    }

    void acquire(Object sync, long slot) {
        add(sync, slot, null, ACQUIRE);
    }

    void release(Object sync, long slot) {
        add(sync, slot, null, RELEASE);
    }

    void transfer(Object from, long fromSlot, Object to, long toSlot) {
        add(from, fromSlot, to, toSlot);
    }

    /** Records the release of a waiter this operation enqueues on {@code ch} ({@code send}: in its send queue). */
    void enqueued(Waiter w, Channel<?> ch, boolean send) {
        release(w, 0);
        if (enqueued == null) {
            enqueued = new Waiter[2];
            enqueuedOn = new Channel<?>[2];
            enqueuedToSend = new boolean[2];
        } else if (enqueuedCount == enqueued.length) {
            int n = enqueuedCount * 2;
            enqueued = Arrays.copyOf(enqueued, n);
            enqueuedOn = Arrays.copyOf(enqueuedOn, n);
            enqueuedToSend = Arrays.copyOf(enqueuedToSend, n);
        }
        enqueued[enqueuedCount] = w;
        enqueuedOn[enqueuedCount] = ch;
        enqueuedToSend[enqueuedCount] = send;
        enqueuedCount++;
    }

    private void add(Object sync, long slot, Object target, long targetSlot) {
        int i = 2 * count;
        if (i == objects.length) {
            objects = Arrays.copyOf(objects, 2 * i);
            numbers = Arrays.copyOf(numbers, 2 * i);
        }
        objects[i] = sync;
        objects[i + 1] = target;
        numbers[i] = slot;
        numbers[i + 1] = targetSlot;
        count++;
    }

    /**
     * After the spin locks are released: reports the recorded events in order, then releases the delivery
     * locks. If a listener throws, withdraws the waiters this operation enqueued (if nobody claimed them)
     * before releasing the locks, and rethrows.
     */
    void deliver() {
        try {
            for (int i = 0, n = 2 * count; i < n; i += 2) {
                Object target = objects[i + 1];
                if (target != null) {
                    Events.transfer(objects[i], numbers[i], target, numbers[i + 1]);
                } else if (numbers[i + 1] == ACQUIRE) {
                    Events.acquire(objects[i], numbers[i]);
                } else {
                    Events.release(objects[i], numbers[i]);
                }
            }
        } catch (RuntimeException | Error e) {
            withdraw();
            throw e;
        } finally {
            if (one != null) {
                one.deliveryLock().unlock();
            } else {
                for (int i = several.length - 1; i >= 0; i--) several[i].deliveryLock().unlock();
            }
        }
    }

    /**
     * Takes back the waiters this operation enqueued. While the delivery locks are held no counterpart can
     * have claimed them, short of one that began before the listener was registered: then it completes the
     * operation, and the exception still propagates.
     */
    private void withdraw() {
        if (enqueuedCount == 0 || !enqueued[0].parker.tryCancel()) return;
        for (int i = 0; i < enqueuedCount; i++) enqueuedOn[i].removeWaiter(enqueued[i], enqueuedToSend[i]);
    }
}
