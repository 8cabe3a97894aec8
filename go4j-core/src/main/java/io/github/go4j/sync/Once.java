package io.github.go4j.sync;

import io.github.go4j.spi.EventListener;
import io.github.go4j.spi.internal.Events;
import java.util.Objects;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.function.Supplier;

/**
 * Go's {@code sync.Once}: an action performed exactly once.
 *
 * <p>{@link #run(Runnable)} runs its function only on the first call; every other call, concurrent or later,
 * waits until that first run has finished and then returns without running its own. If the function throws,
 * the exception propagates to the first caller and the Once still counts as done (Go's rule). A function that
 * calls {@code run} on its own Once would deadlock in Go; here it gets an {@code IllegalStateException}.
 *
 * <p><b>Happens-before</b>: the completion of the one function run happens-before the return of every
 * {@code run} call.
 *
 * <p>{@link #value(Supplier)} and {@link #func(Runnable)} are Go's {@code sync.OnceValue} and
 * {@code sync.OnceFunc}.
 */
public final class Once {

    /** state: 0 not started, 1 running, 2 done. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected int tryAcquireShared(int ignored) {
            return getState() == 2 ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            setState(2);
            return true;
        }

        boolean isDone() {
            return getState() == 2;
        }

        boolean start() {
            return compareAndSetState(0, 1);
        }
    }

    private final Sync sync = new Sync();
    private volatile Thread runner;

    /** A Once that has not run. */
    public Once() {}

    /**
     * Runs {@code f} if no call has run a function on this Once yet; otherwise waits for that run to finish.
     *
     * @param f the function to run at most once
     * @throws NullPointerException if {@code f} is null
     * @throws IllegalStateException if called from inside the function being run (it would deadlock)
     * @throws InterruptedException if interrupted while waiting for another goroutine's run to finish
     */
    public void run(Runnable f) throws InterruptedException {
        Objects.requireNonNull(f, "f");
        if (!sync.isDone()) runSlow(f);
        Events.acquire(this, EventListener.CLOSE_SLOT);
    }

    private void runSlow(Runnable f) throws InterruptedException {
        if (sync.start()) {
            runner = Thread.currentThread();
            try {
                f.run();
            } finally {
                runner = null;
                Events.release(this, EventListener.CLOSE_SLOT);
                sync.releaseShared(0);
            }
            return;
        }
        if (runner == Thread.currentThread()) {
            throw new IllegalStateException("sync: Once.run called from the function it is running (deadlock)");
        }
        Events.blocked(this, "sync.Once.Do");
        try {
            sync.acquireSharedInterruptibly(0);
        } finally {
            Events.unblocked(this);
        }
    }

    /**
     * True once a function has run to completion (or thrown).
     *
     * @return whether a function has run to completion or thrown
     */
    public boolean isDone() {
        return sync.isDone();
    }

    /**
     * Go's {@code sync.OnceValue}: a supplier that calls {@code f} once, on its first call, and returns its
     * result on every call. If {@code f} throws, every call throws that same exception instance. Concurrent
     * callers wait for the first one (uninterruptibly: a {@link Supplier} cannot throw
     * {@code InterruptedException}; an interrupt is kept as the thread's interrupt status). {@code f} is
     * released after it ran. The run of {@code f} happens-before every return.
     *
     * @param <T> the type of the value
     * @param f computes the value, on the first call
     * @return a supplier of {@code f}'s result
     * @throws NullPointerException if {@code f} is null
     */
    public static <T> Supplier<T> value(Supplier<T> f) {
        return new OnceValue<>(Objects.requireNonNull(f, "f"));
    }

    /**
     * Go's {@code sync.OnceFunc}: a runnable that runs {@code f} once; if {@code f} threw, every call throws the
     * same exception.
     *
     * @param f the function to run once
     * @return a runnable that runs {@code f} on its first call only
     * @throws NullPointerException if {@code f} is null
     */
    public static Runnable func(Runnable f) {
        Objects.requireNonNull(f, "f");
        Supplier<Void> once = value(() -> {
            f.run();
            return null;
        });
        return once::get;
    }

    private static final class OnceValue<T> implements Supplier<T> {
        private final Once once = new Once();
        private Supplier<T> f;      // null after the run
        private T value;            // published by the Once
        private Throwable failure;  // published by the Once

        OnceValue(Supplier<T> f) {
            this.f = f;
        }

        @Override
        public T get() {
            boolean interrupted = false;
            while (true) {
                try {
                    once.run(this::compute);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            return value;
        }

        private void compute() {
            Supplier<T> g = f;
            f = null;
            try {
                value = g.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            } catch (Throwable checked) { // thrown sneakily by f
                failure = new java.lang.reflect.UndeclaredThrowableException(checked);
            }
        }
    }
}
