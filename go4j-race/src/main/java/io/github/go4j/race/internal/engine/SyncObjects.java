package io.github.go4j.race.internal.engine;

import java.lang.ref.WeakReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link SyncClock}s of synchronisation objects, by {@code (object, slot)}: a monitor, a volatile
 * field ({@code slot} = its field id), a JDK synchronizer (slot {@link #OBJECT}), a go4j channel slot,
 * a task's completion.
 *
 * <p>Implementation note. One weak identity map entry per object, holding that object's clocks: slot
 * {@link #OBJECT} and the {@link #MONITOR} in fields (the common cases; the monitor's created once,
 * then read without a lock), every other slot in a small open-addressing table under the entry's
 * monitor (a leaf lock). Objects are never asked for {@code hashCode} or {@code equals}. An entry may
 * stand for another object's: a lock's condition or a StampedLock's view is an {@code alias} of the lock
 * (its OBJECT clock is the lock's), and a ReentrantReadWriteLock's read and write locks are views with
 * a role over the lock's two clocks, write-unlocks and read-unlocks ({@link #acquire}, {@link #release}).
 * A monitor's clock and a {@code ReentrantLock}'s (and so its conditions') are {@link ExclusiveClock}s,
 * released in place by the holder; a release through such a lock by a thread that does not hold it is
 * dropped (the call it precedes throws {@code IllegalMonitorStateException}).
 */
public final class SyncObjects {
    /** The object itself as a synchronizer (a lock, a queue, an atomic, ...). */
    public static final long OBJECT = 0;
    /** The object's monitor ({@code synchronized}, {@code wait}). */
    public static final long MONITOR = Long.MIN_VALUE + 1;
    /** An executor's "every task submitted so far has ended" clock. */
    public static final long ALL_DONE = Long.MIN_VALUE + 2;
    /** A thread's interrupts: every {@code interrupt()} of it releases, every detection of it acquires. */
    public static final long INTERRUPT = Long.MIN_VALUE + 5;

    /** A read-write lock's write-unlocks (what every later read or write lock sees). */
    private static final long RW_WRITES = Long.MIN_VALUE + 3;
    /** A read-write lock's read-unlocks (what a later write lock sees, and no read lock). */
    private static final long RW_READS = Long.MIN_VALUE + 4;
    private static final int READ_VIEW = 1;
    private static final int WRITE_VIEW = 2;

    private static final WeakIdentityMap<Slots> MAP = new WeakIdentityMap<>();

    private SyncObjects() {}

    /** The clock of {@code (sync, slot)}, created on first use. */
    public static SyncClock clock(Object sync, long slot) {
        return slots(sync).get(slot);
    }

    private static Slots slots(Object sync) {
        Slots s = MAP.getOrMiss(sync);
        if (s == null) s = MAP.computeIfAbsent(sync, Slots::new);
        return s;
    }

    /**
     * From now on {@code view}'s {@link #OBJECT} clock is {@code base}'s (a lock's read or write view, a
     * condition, a StampedLock's views: they synchronise as the lock they belong to).
     */
    public static void alias(Object view, Object base) {
        Slots b = slots(base);
        Slots a = b.alias;
        if (a != null) b = a;
        Slots v = slots(view);
        if (v != b) v.alias = b;
    }

    /**
     * {@code view} is {@code lock}'s read lock ({@code read}) or write lock: a lock of the read lock sees
     * every earlier unlock of the write lock; a lock of the write lock sees every earlier unlock of
     * either. Two read locks held at once are not ordered (ReentrantReadWriteLock's documented effects).
     */
    public static void readWriteView(Object view, Object lock, boolean read) {
        Slots l = resolve(slots(lock));
        Slots v = slots(view);
        if (v == l) return;
        v.role = read ? READ_VIEW : WRITE_VIEW;
        v.owner = l;
    }

    /** The current thread acquires {@code sync} as a synchroniser (a lock, a permit, a latch, ...). */
    public static void acquire(Object sync, ThreadClock t) {
        Slots s = resolve(slots(sync, t));
        Slots lock = s.owner;
        if (lock == null) {
            s.object.acquire(t);
            return;
        }
        lock.get(RW_WRITES).acquire(t);
        if (s.role == WRITE_VIEW) lock.get(RW_READS).acquire(t);
    }

    /** The current thread releases {@code sync} as a synchroniser. */
    public static void release(Object sync, ThreadClock t) {
        Slots s = resolve(slots(sync, t));
        Slots lock = s.owner;
        if (lock == null) {
            SyncClock c = s.object;
            if (c instanceof ExclusiveClock && !s.heldByCurrentThread()) return; // the call throws
            c.release(t);
        } else lock.get(s.role == WRITE_VIEW ? RW_WRITES : RW_READS).release(t);
    }

    private static Slots resolve(Slots s) {
        Slots a = s.alias;
        return a == null ? s : a;
    }

    private static final int CACHE_MIN = 16;
    private static final int CACHE_MAX = 16384;

    /**
     * As {@link #clock(Object, long)}, through {@code t}'s direct-mapped cache of recent objects; it
     * starts small and grows fourfold, up to {@link #CACHE_MAX}, each time the thread has missed half
     * its size (a thread that takes a thousand locks in turn: a miss costs a lookup in the global map).
     */
    public static SyncClock clock(Object sync, long slot, ThreadClock t) {
        return slots(sync, t).get(slot);
    }

    private static Slots slots(Object sync, ThreadClock t) {
        Object[] keys = t.syncKeys;
        if (keys == null) {
            t.syncKeys = keys = new Object[CACHE_MIN];
            t.syncSlots = new Object[CACHE_MIN];
        }
        int h = System.identityHashCode(sync);
        int i = h & (keys.length - 1);
        Slots s;
        if (keys[i] == sync) {
            s = (Slots) t.syncSlots[i];
        } else {
            s = slots(sync);
            if (++t.syncMisses > keys.length / 2 && keys.length < CACHE_MAX) {
                t.syncMisses = 0;
                t.syncKeys = keys = new Object[keys.length * 4];
                t.syncSlots = new Object[keys.length];
                i = h & (keys.length - 1);
            }
            keys[i] = sync;
            t.syncSlots[i] = s;
        }
        return s;
    }

    private static final class Slots {
        /** Set when the object is a view of another ({@link #alias}): its OBJECT clock is that one's. */
        private volatile Slots alias;
        /** Set when the object is a read-write lock's read or write lock ({@link #readWriteView}): that lock. */
        private volatile Slots owner;
        private volatile int role;
        private final SyncClock object;
        /** For a {@code ReentrantLock}: the lock, whose {@link #object} clock is then exclusive. */
        private final WeakReference<ReentrantLock> lock;
        private volatile SyncClock monitor;
        /** Every other slot: open addressing, under this object's monitor. */
        private long[] keys;
        private SyncClock[] clocks;
        private int used;

        Slots(Object key) {
            if (key.getClass() == ReentrantLock.class) {
                lock = new WeakReference<>((ReentrantLock) key);
                object = new ExclusiveClock();
            } else {
                lock = null;
                object = new SyncClock();
            }
        }

        /**
         * Whether the current thread holds this object's lock (a release of an exclusive clock is only
         * made by its holder; an {@code unlock} or {@code signal} by another thread throws).
         */
        boolean heldByCurrentThread() {
            ReentrantLock l = lock == null ? null : lock.get();
            return l != null && l.isHeldByCurrentThread();
        }

        SyncClock get(long slot) {
            if (slot == OBJECT) {
                Slots a = alias;
                return a == null ? object : a.object;
            }
            if (slot == MONITOR) {
                SyncClock m = monitor;
                if (m != null) return m;
            }
            synchronized (this) {
                if (slot == MONITOR) {
                    if (monitor == null) monitor = new ExclusiveClock();
                    return monitor;
                }
                if (keys == null) {
                    keys = new long[4];
                    clocks = new SyncClock[4];
                }
                int mask = keys.length - 1;
                for (int i = Long.hashCode(slot * 0x9E3779B97F4A7C15L) & mask; ; i = (i + 1) & mask) {
                    if (clocks[i] == null) {
                        SyncClock c = new SyncClock();
                        keys[i] = slot;
                        clocks[i] = c;
                        if (++used * 2 > keys.length) grow();
                        return c;
                    }
                    if (keys[i] == slot) return clocks[i];
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            SyncClock[] oldClocks = clocks;
            keys = new long[oldKeys.length * 2];
            clocks = new SyncClock[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldClocks[j] == null) continue;
                int i = Long.hashCode(oldKeys[j] * 0x9E3779B97F4A7C15L) & mask;
                while (clocks[i] != null) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                clocks[i] = oldClocks[j];
            }
        }
    }
}
