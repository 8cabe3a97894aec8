package io.github.go4j.race.internal.engine;

/**
 * The vector clock of one synchronisation object (a monitor, a lock, a volatile field, a channel slot,
 * a task's completion): releases join the releasing thread's clock into it, acquires join it into the
 * acquiring thread's clock.
 *
 * <p>Its monitor is a leaf lock: held only while copying clocks, never while calling other code.
 */
public class SyncClock {
    private long[] vc = VectorClocks.EMPTY;

    /** The current thread's actions so far happen-before every later {@link #acquire} of this clock. */
    public void release(ThreadClock t) {
        synchronized (this) {
            vc = VectorClocks.join(vc, t.vc);
        }
        t.tick();
    }

    /** The current thread now sees every action released into this clock so far. */
    public void acquire(ThreadClock t) {
        long[] snapshot;
        synchronized (this) {
            snapshot = vc;
            if (snapshot.length == 0) return;
            t.vc = VectorClocks.join(t.vc, snapshot);
        }
    }

    /**
     * Everything released into {@code from} so far is now also released into this clock, without any
     * thread's clock changing: a release made on behalf of a parked thread. Takes one monitor at a time.
     */
    public void releaseFrom(SyncClock from) {
        long[] copy;
        synchronized (from) {
            if (from.vc.length == 0) return;
            copy = from.vc.clone();
        }
        synchronized (this) {
            vc = VectorClocks.join(vc, copy);
        }
    }

    /** A copy of the clock (for tests and reports). */
    public synchronized long[] snapshot() {
        return vc.clone();
    }
}
