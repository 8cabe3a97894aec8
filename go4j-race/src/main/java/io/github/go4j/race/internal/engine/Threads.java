package io.github.go4j.race.internal.engine;

import java.util.Arrays;

/**
 * Every thread's {@link ThreadClock}: found through a thread-local on the thread itself, through a
 * weak map from {@link Thread} otherwise (joins, and a child forked before it runs), and through its
 * slot (reports).
 *
 * <p>Implementation note. Slots are what vector clocks are indexed by, so their number bounds the size
 * of every clock. A slot is reused after its thread is dead (terminated, collected, or its goroutine
 * body ended): the next occupant's clock continues from the last occupant's final clock, so old
 * epochs of the slot stay below every new epoch and comparisons against other threads' clocks stay
 * exact; only races between the dead thread and the slot's new occupant are lost. Free slots are
 * found by a scan of the occupied ones when none is free, and the capacity doubles when a scan frees
 * less than a quarter, so scans cost amortised O(1) per thread. {@code LOCK} guards the slot tables; it
 * is a leaf lock.
 */
public final class Threads {
    private static final int MAX_SLOTS = (int) Epochs.TID_MASK; // TID_MASK itself is reserved
    private static final int KEPT_OCCUPANTS = 4;
    private static final Object LOCK = new Object();

    private static ThreadClock[] occupant = new ThreadClock[256];
    private static long[] lastClock = new long[256];
    private static int[] free = new int[256];
    private static int freeCount;
    private static int next;
    private static int capacity = 256;

    private static final WeakIdentityMap<ThreadClock> BY_THREAD = new WeakIdentityMap<>();
    private static final ThreadLocal<ThreadClock> CURRENT = ThreadLocal.withInitial(Threads::attach);

    private Threads() {}

    /** The current thread's clock (created on first use). */
    public static ThreadClock current() {
        return CURRENT.get();
    }

    /** The clock of {@code t}, if it has one. */
    public static ThreadClock of(Thread t) {
        return BY_THREAD.get(t);
    }

    private static ThreadClock attach() {
        Thread self = Thread.currentThread();
        ThreadClock forked = BY_THREAD.get(self);
        if (forked != null) return forked;
        ThreadClock c = allocate(self);
        BY_THREAD.put(self, c);
        return c;
    }

    /**
     * The parent (current thread) creates {@code child}: everything it did so far happens-before the
     * child's first action. Does nothing if {@code child} already has a clock.
     */
    public static ThreadClock fork(Thread child, int site) {
        ThreadClock parent = current();
        ThreadClock existing = BY_THREAD.get(child);
        if (existing != null) return existing;
        ThreadClock c = allocate(child);
        long own = c.clock;
        c.vc = VectorClocks.join(c.vc, parent.vc);
        c.vc = VectorClocks.set(c.vc, c.tid, own);
        c.createdBy(parent.goid, site);
        if (site >= 0) c.creationStack = CodeSites.creationStack();
        BY_THREAD.put(child, c);
        parent.tick();
        return c;
    }

    /** After {@code t} is known to have terminated: all its actions happen-before the current thread's next. */
    public static void joined(Thread t) {
        ThreadClock c = BY_THREAD.get(t);
        if (c == null) return;
        ThreadClock self = current();
        if (c != self) self.join(c.vc);
    }

    private static ThreadClock allocate(Thread t) {
        synchronized (LOCK) {
            if (freeCount == 0 && next >= capacity) reclaim();
            int tid;
            if (freeCount > 0) {
                tid = free[--freeCount];
            } else {
                if (next >= capacity) grow();
                tid = next++;
            }
            ThreadClock prev = occupant[tid];
            trim(prev);
            ThreadClock c = new ThreadClock(tid, lastClock[tid] + 1, t, prev);
            occupant[tid] = c;
            return c;
        }
    }

    private static void trim(ThreadClock chain) {
        ThreadClock c = chain;
        for (int i = 1; c != null && i < KEPT_OCCUPANTS; i++) c = c.previous;
        if (c != null) c.previous = null;
    }

    private static void reclaim() {
        for (int tid = 0; tid < next; tid++) {
            ThreadClock c = occupant[tid];
            if (c != null && !c.retired && c.isDead()) {
                c.retired = true;
                ArrayViews.forget(c);
                c.syncKeys = null;
                c.syncSlots = null;
                lastClock[tid] = c.clock;
                if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
                free[freeCount++] = tid;
            }
        }
        if (freeCount < capacity / 4) grow();
    }

    private static void grow() {
        if (capacity >= MAX_SLOTS) {
            if (next < MAX_SLOTS) return;
            throw new IllegalStateException("go4j-race: more than " + MAX_SLOTS + " threads alive at once");
        }
        capacity = Math.min(capacity * 2, MAX_SLOTS);
        if (occupant.length < capacity) {
            occupant = Arrays.copyOf(occupant, capacity);
            lastClock = Arrays.copyOf(lastClock, capacity);
        }
    }

    /** The thread that made the access {@code epoch}, if the detector still knows it. */
    public static ThreadClock whoDid(long epoch) {
        int tid = Epochs.tid(epoch);
        long clock = Epochs.clock(epoch);
        synchronized (LOCK) {
            if (tid >= occupant.length) return null;
            for (ThreadClock c = occupant[tid]; c != null; c = c.previous) {
                if (c.startClock <= clock) return c;
            }
            return null;
        }
    }

    /** Slots in use or free to reuse (the length of the longest vector clock). */
    public static int slotsInUse() {
        synchronized (LOCK) {
            return next;
        }
    }
}
