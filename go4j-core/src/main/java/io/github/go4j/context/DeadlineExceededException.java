package io.github.go4j.context;

/**
 * Go's {@code context.DeadlineExceeded}: the error of a context whose deadline passed. It is <em>not</em>
 * a {@link CanceledException}. {@link Context#err()} returns the one shared instance
 * {@link Context#DEADLINE_EXCEEDED} (no stack trace, no suppressed exceptions). A method that <em>throws</em>
 * because its context's deadline passed ({@link Context#throwIfDone()}, {@link Context#recv}, a blocking
 * acquire, ...) throws a new instance with the stack of that call and the shared instance as its
 * {@linkplain #getCause() cause}: test for it with {@code e.getCause() == Context.DEADLINE_EXCEEDED}. Other
 * instances are thrown where Go returns an error that is not the context's own, e.g. by
 * {@code rate.Limiter.await} when the wait would outlast the context's deadline.
 */
public class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with Go's message, {@code "context deadline exceeded"}. */
    public DeadlineExceededException() {
        super("context deadline exceeded");
    }

    /**
     * An exception with the given message.
     *
     * @param message the detail message
     */
    public DeadlineExceededException(String message) {
        super(message);
    }

    /**
     * An exception with the given message and cause; what go4j throws when a context's deadline passed, with
     * {@link Context#DEADLINE_EXCEEDED} as the cause.
     *
     * @param message the detail message
     * @param cause the cause
     */
    public DeadlineExceededException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The shared, immutable instance (no stack trace, no suppression). */
    DeadlineExceededException(boolean shared) {
        super("context deadline exceeded", null, false, false);
    }

    /**
     * Always true, like Go's {@code DeadlineExceeded.Timeout()}: this error is a timeout.
     *
     * @return true
     */
    public boolean timeout() {
        return true;
    }
}
