package io.github.go4j.context;

/**
 * Go's {@code context.Canceled}: the error of a context that was cancelled (by its {@code cancel()}, or
 * by a cancelled ancestor). {@link Context#err()} returns the one shared instance {@link Context#CANCELED},
 * so {@code ctx.err() == Context.CANCELED} is Go's {@code ctx.Err() == context.Canceled}. The shared
 * instance has no stack trace and no suppressed exceptions. So it is never what a method <em>throws</em>
 * because its context was cancelled ({@link Context#throwIfDone()}, {@link Context#recv}, a blocking
 * acquire, ...): that is a new instance with the stack of the throwing call, so that a panic it causes shows
 * where, and the shared instance as its {@linkplain #getCause() cause}: test for it with
 * {@code e.getCause() == Context.CANCELED}.
 */
public class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with Go's message, {@code "context canceled"}. */
    public CanceledException() {
        super("context canceled");
    }

    /**
     * An exception with the given message.
     *
     * @param message the detail message
     */
    public CanceledException(String message) {
        super(message);
    }

    /**
     * An exception with the given message and cause.
     *
     * @param message the detail message
     * @param cause the cause
     */
    public CanceledException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The shared, immutable instance (no stack trace, no suppression). */
    CanceledException(boolean shared) {
        super("context canceled", null, false, false);
    }
}
