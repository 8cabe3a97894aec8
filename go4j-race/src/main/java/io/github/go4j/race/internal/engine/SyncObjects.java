package io.github.go4j.race.internal.engine;

/**
 * The {@link SyncClock}s of synchronisation objects, by {@code (object, slot)}: a monitor, a volatile
 * field ({@code slot} = its field id), a JDK synchronizer (slot {@link #OBJECT}), a go4j channel slot,
 * a task's completion.
 *
 * <p>Implementation note. One weak identity map entry per object, holding that object's clocks: slot
 * {@link #OBJECT} and the {@link #MONITOR} in fields (the common cases; the monitor's created once,
 * then read without a lock), every other slot in a small open-addressing table under the entry's
 * monitor (a leaf lock). Objects are never asked for {@code hashCode} or {@code equals}.
 */
public final class SyncObjects {
    /** The object itself as a synchronizer (a lock, a queue, an atomic, ...). */
    public static final long OBJECT = 0;
    /** The object's monitor ({@code synchronized}, {@code wait}). */
    public static final long MONITOR = Long.MIN_VALUE + 1;
    /** An executor's "every task submitted so far has ended" clock. */
    public static final long ALL_DONE = Long.MIN_VALUE + 2;

    private static final WeakIdentityMap<Slots> MAP = new WeakIdentityMap<>();

    private SyncObjects() {}

    /** The clock of {@code (sync, slot)}, created on first use. */
    public static SyncClock clock(Object sync, long slot) {
        Slots s = MAP.getOrMiss(sync);
        if (s == null) s = MAP.computeIfAbsent(sync, k -> new Slots());
        return s.get(slot);
    }

    private static final int CACHE = 64;

    /** As {@link #clock(Object, long)}, through {@code t}'s small direct-mapped cache of recent objects. */
    public static SyncClock clock(Object sync, long slot, ThreadClock t) {
        Object[] keys = t.syncKeys;
        if (keys == null) {
            t.syncKeys = keys = new Object[CACHE];
            t.syncSlots = new Object[CACHE];
        }
        int i = System.identityHashCode(sync) & (CACHE - 1);
        Slots s;
        if (keys[i] == sync) {
            s = (Slots) t.syncSlots[i];
        } else {
            s = MAP.getOrMiss(sync);
            if (s == null) s = MAP.computeIfAbsent(sync, k -> new Slots());
            keys[i] = sync;
            t.syncSlots[i] = s;
        }
        return s.get(slot);
    }

    private static final class Slots {
        private final SyncClock object = new SyncClock();
        private volatile SyncClock monitor;
        /** Every other slot: open addressing, under this object's monitor. */
        private long[] keys;
        private SyncClock[] clocks;
        private int used;

        SyncClock get(long slot) {
            if (slot == OBJECT) return object;
            if (slot == MONITOR) {
                SyncClock m = monitor;
                if (m != null) return m;
            }
            synchronized (this) {
                if (slot == MONITOR) {
                    if (monitor == null) monitor = new SyncClock();
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
