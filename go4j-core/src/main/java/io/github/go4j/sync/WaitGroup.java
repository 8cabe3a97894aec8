package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.spi.internal.Events;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
     * Implementation note: the long {@code word} holds the counter in its low 32 bits and a generation in its
     * high 32 bits, bumped each time the counter drops to zero. A waiter waits for "counter is zero, or the
     * generation moved on from the one it saw", so waiters released by one drop to zero cannot be caught again
     * by an {@code add} that comes before they are scheduled.
     *
     * <p>The counter's drop to zero and the generation's bump are one compare-and-set, so they are never seen
     * apart: were they two steps, a waiter released by the first could re-add for its next round and wait with
     * the old generation, and the late bump would release that round early. So a negative delta (every
     * {@code done}) is a compare-and-set loop. A small positive delta (at most {@link #MAX_ATOMIC_ADD}, which
     * covers {@code add(1)} and {@link WaitGroup#go}) never takes the counter to zero and is one atomic add on
     * the word (as Go's {@code Add}), so spawners do not retry against each other. If that add overflows the
     * counter it is undone with the opposite atomic add and rejected; a compare-and-set that sees a counter
     * above {@code Integer.MAX_VALUE} meanwhile spins until the undo lands (with deltas that small, the
     * overflowed counter cannot carry into the generation). AQS's own state is unused: it only queues and
     * parks waiters.
     */
    private static final class Sync extends AbstractQueuedLongSynchronizer {
        private static final long serialVersionUID = 1L;
        private static final long COUNT_MASK = 0xFFFF_FFFFL;
        private static final long ONE_GENERATION = 1L << 32;
        /** The largest delta added with one atomic add; larger or negative deltas use a compare-and-set. */
        static final int MAX_ATOMIC_ADD = 1 << 16;
        private static final VarHandle WORD;

        static {
            try {
                WORD = MethodHandles.lookup().findVarHandle(Sync.class, "word", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private volatile long word;

        @Override
        protected long tryAcquireShared(long generation) {
            long s = word;
            return (s & COUNT_MASK) == 0 || (s >>> 32) != generation ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(long ignored) {
            return true; // add() already moved the word
        }

        /** Adds {@code delta}; a negative one is reported as a release on {@code group} once it is known to be valid. */
        void add(int delta, WaitGroup group) {
            if (delta == 0) return;
            if (delta > 0 && delta <= MAX_ATOMIC_ADD) {
                long after = ((long) WORD.getAndAdd(this, (long) delta) & COUNT_MASK) + delta;
                if (after > Integer.MAX_VALUE) {
                    WORD.getAndAdd(this, -(long) delta);
                    throw new IllegalStateException("sync: WaitGroup counter overflow");
                }
                return; // the counter went up: no waiter can be released
            }
            boolean released = false;
            while (true) {
                long s = word;
                long count = s & COUNT_MASK;
                if (count > Integer.MAX_VALUE) { // an overflowing atomic add that has not undone itself yet
                    Thread.onSpinWait();
                    continue;
                }
                long after = count + delta;
                if (after < 0) throw new IllegalStateException("sync: negative WaitGroup counter");
                if (after > Integer.MAX_VALUE) throw new IllegalStateException("sync: WaitGroup counter overflow");
                if (delta < 0 && !released) { // only a valid done publishes: a misuse must not invent an edge
                    Events.release(group, 0);
                    released = true;
                }
                long generation = s & ~COUNT_MASK;
                long next = after == 0 ? generation + ONE_GENERATION : generation | after;
                if (WORD.weakCompareAndSet(this, s, next)) {
                    if (after == 0) releaseShared(0);
                    return;
                }
            }
        }

        /** The word now: the counter in the low 32 bits, the generation in the high 32. */
        long word() {
            return word;
        }
    }

    private final Sync sync = new Sync();

    /** A WaitGroup with counter zero. */
    public WaitGroup() {}

    /**
     * Adds {@code delta} (which may be negative) to the counter; when it reaches zero, every waiter is released.
     *
     * @param delta the amount to add; negative to count goroutines done
     * @throws IllegalStateException "sync: negative WaitGroup counter" if the counter would drop below zero (the
     *     counter is unchanged and no happens-before edge is reported)
     */
    public void add(int delta) {
        sync.add(delta, this);
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
        long word = sync.word();
        if ((word & 0xFFFF_FFFFL) != 0) {
            Events.blocked(this, "sync.WaitGroup.Wait");
            try {
                sync.acquireSharedInterruptibly(word >>> 32);
            } finally {
                Events.unblocked(this);
            }
        }
        Events.acquire(this, 0);
    }

    /**
     * Go 1.25's {@code wg.Go(f)}: adds one, runs {@code task} on a new goroutine and calls {@link #done()} when it
     * returns or throws. Like {@link Go#go} and {@link ErrGroup#go}, it takes a {@link Go.Task}, which may throw
     * any exception: an exception escaping {@code task} is a panic of that goroutine (handed to the panic
     * handler, as for {@link Go#go}), reported after {@code done()} was called.
     *
     * @param task the goroutine's body
     * @throws NullPointerException if {@code task} is null
     */
    public void go(Go.Task task) {
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
        return "WaitGroup[count=" + (sync.word() & 0xFFFF_FFFFL) + "]";
    }
}
