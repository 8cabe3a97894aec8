package io.github.go4j.race.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The vector clock of one synchronisation object (a monitor, a lock, a volatile field, a channel slot,
 * a task's completion): releases join the releasing thread's clock into it, acquires join it into the
 * acquiring thread's clock.
 *
 * <p>Implementation note. Copy on write: a published clock array is never changed again. A release
 * builds the join of the current array and the thread's clock in a new array and installs it by
 * compare-and-set (retrying if another release came first, so no release is lost); an acquire reads
 * the current array (a volatile read) and joins it into the thread's own clock, without any lock or
 * atomic write. The array a release installs contains every earlier release's array, so an acquire
 * that reads it sees all of them. For the commonest case, a lock released by the thread that acquired
 * it, the thread's clock already covers the lock's and the new array is a plain copy of it.
 */
public class SyncClock {
    private static final VarHandle VC;

    static {
        try {
            VC = MethodHandles.lookup().findVarHandle(SyncClock.class, "vc", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long[] vc = VectorClocks.EMPTY;

    /** The current thread's actions so far happen-before every later {@link #acquire} of this clock. */
    public void release(ThreadClock t) {
        joinIn(t.vc);
        t.tick();
    }

    /** The current thread now sees every action released into this clock so far. */
    public void acquire(ThreadClock t) {
        long[] released = vc;
        if (released.length != 0) t.vc = VectorClocks.join(t.vc, released);
    }

    /**
     * Everything released into {@code from} so far is now also released into this clock, without any
     * thread's clock changing: a release made on behalf of a parked thread.
     */
    public void releaseFrom(SyncClock from) {
        long[] released = from.released();
        if (released.length != 0) joinIn(released);
    }

    /** The clock as released so far; the caller must not change the array. */
    long[] released() {
        return vc;
    }

    /** Installs the join of this clock and {@code other} (which is not changed while this runs). */
    private void joinIn(long[] other) {
        for (;;) {
            long[] current = vc;
            long[] next = VectorClocks.leq(current, other) ? other.clone() : VectorClocks.join(current.clone(), other);
            if (VC.compareAndSet(this, current, next)) return;
        }
    }

    /** A copy of the clock (for tests and reports). */
    public long[] snapshot() {
        return vc.clone();
    }
}
