package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.spi.Events;
import java.util.Objects;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;

/**
 * Go's {@code sync.WaitGroup}: waits for a collection of goroutines to finish.
 *
 * <p>{@link #add(int)} adds to a counter, {@link #done()} subtracts one, {@link #await()} blocks until the
 * counter is zero. Every goroutine blocked in {@code await} when the counter reaches zero returns, even if the
 * group is reused (the counter raised again) before it got to run. A WaitGroup may be reused once the counter
 * is zero. A counter that would go negative is rejected: {@code IllegalStateException("sync: negative WaitGroup
 * counter")}, and the counter is left unchanged.
 *
 * <p><b>Happens-before</b>: every {@link #done()} (and negative {@link #add}) happens-before the return of the
 * {@link #await()} that it unblocks.
 */
public final class WaitGroup {

    /**
     * Implementation note: the long state holds the counter in its low 32 bits and a generation in its high
     * 32 bits, bumped each time the counter drops to zero. A waiter waits for "counter is zero, or the
     * generation moved on from the one it saw", so waiters released by one drop to zero cannot be caught again
     * by an {@code add} that comes before they are scheduled.
     */
    private static final class Sync extends AbstractQueuedLongSynchronizer {
        private static final long serialVersionUID = 1L;
        private static final long COUNT_MASK = 0xFFFF_FFFFL;

        @Override
        protected long tryAcquireShared(long generation) {
            long s = getState();
            return (s & COUNT_MASK) == 0 || (s >>> 32) != generation ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(long ignored) {
            return true; // add() already moved the state
        }

        void add(int delta) {
            while (true) {
                long s = getState();
                long count = s & COUNT_MASK;
                long generation = s >>> 32;
                long next = count + delta;
                if (next < 0) throw new IllegalStateException("sync: negative WaitGroup counter");
                if (next > Integer.MAX_VALUE) throw new IllegalStateException("sync: WaitGroup counter overflow");
                if (next == 0 && count != 0) {
                    if (compareAndSetState(s, ((generation + 1) & COUNT_MASK) << 32)) {
                        releaseShared(0);
                        return;
                    }
                } else if (compareAndSetState(s, (generation << 32) | next)) {
                    return;
                }
            }
        }

        long count() {
            return getState() & COUNT_MASK;
        }

        long generation() {
            return getState() >>> 32;
        }
    }

    private final Sync sync = new Sync();

    /** A WaitGroup with counter zero. */
    public WaitGroup() {}

    /**
     * Adds {@code delta} (which may be negative) to the counter; when it reaches zero, every waiter is released.
     *
     * @throws IllegalStateException "sync: negative WaitGroup counter" if the counter would drop below zero
     */
    public void add(int delta) {
        if (delta < 0) Events.release(this, 0);
        sync.add(delta);
    }

    /**
     * Subtracts one from the counter ({@code add(-1)}).
     *
     * @throws IllegalStateException "sync: negative WaitGroup counter" if the counter is zero
     */
    public void done() {
        add(-1);
    }

    /**
     * Blocks until the counter is zero; returns at once if it is.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        long s = sync.generation();
        if (sync.count() != 0) {
            Events.blocked(this, "sync.WaitGroup.Wait");
            try {
                sync.acquireSharedInterruptibly(s);
            } finally {
                Events.unblocked(this);
            }
        }
        Events.acquire(this, 0);
    }

    /**
     * Go 1.25's {@code wg.Go(f)}: adds one, runs {@code task} on a new goroutine and calls {@link #done()} when it
     * returns or throws (an exception escaping {@code task} is then a panic of that goroutine, as for
     * {@link Go#go}).
     *
     * @throws NullPointerException if {@code task} is null
     */
    public void go(Runnable task) {
        Objects.requireNonNull(task, "task");
        add(1);
        Go.go(() -> {
            try {
                task.run();
            } finally {
                done();
            }
        });
    }

    @Override
    public String toString() {
        return "WaitGroup[count=" + sync.count() + "]";
    }
}
