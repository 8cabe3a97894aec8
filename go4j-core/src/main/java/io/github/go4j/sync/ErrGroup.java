package io.github.go4j.sync;

import io.github.go4j.Go;
import io.github.go4j.context.CancelContext;
import io.github.go4j.context.Context;
import io.github.go4j.spi.internal.Events;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code golang.org/x/sync/errgroup.Group}: goroutines working on subtasks of one task, with the first
 * error kept and, for a group made by {@link #withContext}, the shared context cancelled.
 *
 * <p>{@link #go} runs a task on a new goroutine; {@link #await()} waits for all of them and returns the first
 * exception any of them threw (the first to be recorded), or null. With {@link #withContext}, that first error
 * cancels {@link #context()} at once with the error as its {@link Context#cause cause}, and {@code await()}
 * cancels it when it returns in any case (cause {@link Context#CANCELED} when there was no error).
 *
 * <p>{@link #setLimit} bounds the number of active goroutines: {@link #go} then blocks until one finishes,
 * {@link #tryGo} returns false instead. A limit of 0 admits nobody; a negative limit removes the bound. Changing
 * the limit while goroutines started under a limit are still active is rejected.
 *
 * <p><b>Happens-before</b>: the end of each task happens-before the return of {@link #await()}; a call to
 * {@code go} happens-before its task starts.
 */
public final class ErrGroup {
    /*
     * Implementation note. A WaitGroup counts the running tasks; the first error is the winner of one CAS on
     * firstError, which then cancels the context. The limit is a counter of slots (active) under a lock, with a
     * condition for go() to wait on; a task gives its slot back when it ends. setLimit starts a new generation
     * of slots, so tasks started under an older limit (possible only after setLimit(negative)) do not give
     * back slots they never took from the new one.
     */
    private final CancelContext ctx; // null for new ErrGroup()
    private final WaitGroup wg = new WaitGroup();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    private int limit = -1;       // guarded by lock; < 0: no limit
    private int active;           // guarded by lock; goroutines holding a slot of the current limit
    private long limitGeneration; // guarded by lock; slots of an older limit are not given back to this one

    /** A group without a context and without a limit (Go's zero {@code Group}). */
    public ErrGroup() {
        this.ctx = null;
    }

    private ErrGroup(CancelContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A group whose {@link #context()} is a child of {@code parent}, cancelled by the first error or when
     * {@link #await()} returns (Go's {@code errgroup.WithContext}).
     *
     * @param parent the context the group's context derives from
     * @return the group
     * @throws NullPointerException if {@code parent} is null
     */
    public static ErrGroup withContext(Context parent) {
        return new ErrGroup(Context.withCancelCause(Objects.requireNonNull(parent, "parent")));
    }

    /**
     * The group's context: for {@link #withContext}, the derived one; else {@link Context#background()}.
     *
     * @return the group's context
     */
    public Context context() {
        return ctx != null ? ctx : Context.background();
    }

    /**
     * Runs {@code task} on a new goroutine, first waiting while the limit's worth of goroutines is active.
     *
     * @param task the goroutine's body; what it throws is the group's error if it is the first
     * @throws NullPointerException if {@code task} is null
     * @throws InterruptedException if interrupted while waiting for a free slot; the task was not started
     */
    public void go(Go.Task task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        long generation;
        lock.lock();
        try {
            if (limit >= 0 && active >= limit) {
                Events.blocked(this, "errgroup.Go");
                try {
                    while (limit >= 0 && active >= limit) slotFreed.await();
                } finally {
                    Events.unblocked(this);
                }
            }
            generation = takeSlot();
        } finally {
            lock.unlock();
        }
        start(task, generation);
    }

    /**
     * Runs {@code task} on a new goroutine if the limit allows one more now; returns whether it did. Never blocks.
     *
     * @param task the goroutine's body; what it throws is the group's error if it is the first
     * @return true if the task was started, false if the limit allows no more goroutines now
     * @throws NullPointerException if {@code task} is null
     */
    public boolean tryGo(Go.Task task) {
        Objects.requireNonNull(task, "task");
        long generation;
        lock.lock();
        try {
            if (limit >= 0 && active >= limit) return false;
            generation = takeSlot();
        } finally {
            lock.unlock();
        }
        start(task, generation);
        return true;
    }

    /** Under lock: counts one more active goroutine if there is a limit; the generation it belongs to, or -1. */
    private long takeSlot() {
        if (limit < 0) return -1;
        active++;
        return limitGeneration;
    }

    private void start(Go.Task task, long slotGeneration) {
        wg.add(1);
        Go.go(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                if (firstError.compareAndSet(null, t) && ctx != null) ctx.cancel(t);
            } finally {
                Events.release(this, 0);
                if (slotGeneration >= 0) giveBackSlot(slotGeneration);
                wg.done();
            }
        });
    }

    private void giveBackSlot(long generation) {
        lock.lock();
        try {
            if (generation == limitGeneration && active > 0) {
                active--;
                slotFreed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Limits the number of active goroutines to {@code n}; {@code n < 0} removes the limit (allowed at any time),
     * 0 admits none.
     *
     * @param n the most goroutines active at once; negative for no limit
     * @throws IllegalStateException "errgroup: modify limit while N goroutines in the group are still active" if
     *     {@code n >= 0} and goroutines started under the current limit are running
     */
    public void setLimit(int n) {
        lock.lock();
        try {
            if (n >= 0 && active != 0) {
                throw new IllegalStateException(
                        "errgroup: modify limit while " + active + " goroutines in the group are still active");
            }
            limit = n < 0 ? -1 : n;
            active = 0;
            limitGeneration++;
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for every goroutine started by {@link #go}/{@link #tryGo}, then cancels the context (if any) and returns
     * the first error, or null.
     *
     * @return the first error of a task, or null if none failed
     * @throws InterruptedException if interrupted while waiting (the context is then not cancelled)
     */
    public Throwable await() throws InterruptedException {
        wg.await();
        Events.acquire(this, 0);
        Throwable first = firstError.get();
        if (ctx != null) ctx.cancel(first);
        return first;
    }
}
