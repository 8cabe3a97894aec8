package io.github.go4j.race.internal.engine;

/**
 * The clock of a synchronisation object that only its holder releases: a monitor, a
 * {@code ReentrantLock}. Releases and acquires join in place, without allocating or any atomic
 * operation.
 *
 * <p>Implementation note. The hooks that use this clock run while the thread holds the object: a
 * release just before it unlocks, an acquire just after it locked. So the program's own lock orders
 * every release before the next holder's acquire (and its writes here with it), and no two releases
 * overlap: the array needs neither a lock nor copy on write. A caller that cannot vouch for holding
 * the object must not {@link #release}; a stray {@link #acquire} (a failed {@code tryLock}) only reads,
 * and every entry it can see was released by someone, so it can add an ordering, never lose one.
 */
public final class ExclusiveClock extends SyncClock {
    private long[] vc = VectorClocks.EMPTY;

    /** Must be called by the holder, before it unlocks. */
    @Override
    public void release(ThreadClock t) {
        vc = VectorClocks.join(vc, t.vc);
        t.tick();
    }

    @Override
    public void acquire(ThreadClock t) {
        long[] released = vc;
        if (released.length != 0) t.vc = VectorClocks.join(t.vc, released);
    }

    @Override
    public void releaseFrom(SyncClock from) {
        throw new UnsupportedOperationException("an exclusive clock is released only by its holder");
    }

    @Override
    long[] released() {
        return vc;
    }

    @Override
    public long[] snapshot() {
        return vc.clone();
    }
}
