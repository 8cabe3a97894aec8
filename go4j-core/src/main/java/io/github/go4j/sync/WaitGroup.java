package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.spi.Events;
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
     * <p>{@code add} is one atomic add on the word (as Go's {@code Add}), never a compare-and-set loop, so a
     * spawner's {@code add(1)} and its goroutines' {@code done()} on other carriers never make each other
     * retry. The add that takes the counter to zero then adds one to the generation (a second atomic add;
     * between the two the counter is already zero, which releases waiters by itself) and wakes the waiters.
     * An add that would make the counter negative or overflow it is undone with the opposite atomic add and
     * rejected; as the word was briefly wrong (the counter below zero borrows from the generation), the undo
     * also wakes the waiters, which re-check. AQS's own state is unused: it only queues and parks waiters.
     */
    private static final class Sync extends AbstractQueuedLongSynchronizer {
        private static final long serialVersionUID = 1L;
        private static final long COUNT_MASK = 0xFFFF_FFFFL;
        private static final long ONE_GENERATION = 1L << 32;
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

        void add(int delta) {
            if (delta == 0) return;
            long before = (long) WORD.getAndAdd(this, (long) delta) & COUNT_MASK;
            long after = before + delta;
            if (after < 0 || after > Integer.MAX_VALUE || before > Integer.MAX_VALUE) {
                // rejected (or raced with another rejected add that has not undone itself yet): undo ours
                WORD.getAndAdd(this, -(long) delta);
                releaseShared(0);
                throw new IllegalStateException(after < 0 || before > Integer.MAX_VALUE && delta < 0
                        ? "sync: negative WaitGroup counter" : "sync: WaitGroup counter overflow");
            }
            if (after == 0) {
                WORD.getAndAdd(this, ONE_GENERATION);
                releaseShared(0);
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
        return "WaitGroup[count=" + (sync.word() & 0xFFFF_FFFFL) + "]";
    }
}
