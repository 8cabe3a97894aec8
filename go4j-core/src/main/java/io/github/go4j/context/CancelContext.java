package io.github.go4j.context;

/**
 * A context together with its cancel function, as Go's {@code ctx, cancel := context.WithCancel(parent)}.
 * {@link #close()} is {@link #cancel()}, so try-with-resources is Go's {@code defer cancel()}.
 *
 * <p>Cancelling is idempotent, never blocks on other goroutines, and may be called from any goroutine.
 * Before it returns, this context and every descendant derived from it are cancelled: their
 * {@link #done()} channels are closed and their {@link #err()} is non-null. Only the first cancellation
 * counts: a later one (or a parent's) changes neither the error nor the cause. Cancelling happens-before
 * every observation of it (a receive from {@code done()} that returns because it is closed, or an
 * {@code err()} that returns non-null). Cancelling also releases the context's resources (its link to
 * the parent, its timer), so call it as soon as the work is done.
 */
public interface CancelContext extends Context, AutoCloseable {

    /** Cancels with {@link Context#CANCELED} as error and cause (Go's {@code cancel()}). */
    void cancel();

    /**
     * Cancels with {@link Context#CANCELED} as error and {@code cause} as the cause reported by
     * {@link Context#cause(Context)} (Go's {@code cancel(cause)}); a {@code null} cause means
     * {@link Context#CANCELED}.
     *
     * @param cause the cause reported by {@link Context#cause(Context)}; null for {@link Context#CANCELED}
     */
    void cancel(Throwable cause);

    /** The same as {@link #cancel()}. */
    @Override
    void close();
}
