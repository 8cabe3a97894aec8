package io.github.go4j.chan;

/**
 * Go's channel panics: "send on closed channel", "close of closed channel", "close of nil channel".
 */
public class ChanClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with Go's message for the misuse.
     *
     * @param message the detail message
     */
    public ChanClosedException(String message) {
        super(message);
    }
}
