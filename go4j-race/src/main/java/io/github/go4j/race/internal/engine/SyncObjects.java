package io.github.go4j.race.internal.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link SyncClock}s of synchronisation objects, by {@code (object, slot)}: a monitor, a volatile
 * field ({@code slot} = its field id), a JDK synchronizer (slot {@link #OBJECT}), a go4j channel slot,
 * a task's completion.
 *
 * <p>Implementation note. One weak identity map entry per object, holding that object's clocks: slot
 * {@link #OBJECT} in a field (the common case), every other slot in a small map under the entry's
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
        Slots s = MAP.get(sync);
        if (s == null) s = MAP.computeIfAbsent(sync, k -> new Slots());
        return s.get(slot);
    }

    private static final class Slots {
        private final SyncClock object = new SyncClock();
        private Map<Long, SyncClock> others;

        SyncClock get(long slot) {
            if (slot == OBJECT) return object;
            synchronized (this) {
                if (others == null) others = new HashMap<>(4);
                return others.computeIfAbsent(slot, k -> new SyncClock());
            }
        }
    }
}
