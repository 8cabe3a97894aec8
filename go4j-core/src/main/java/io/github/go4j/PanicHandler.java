package io.github.go4j;

/**
 * Receives every panic: an exception (or error) that escaped a goroutine started by {@link Go#go}.
 * Called on the goroutine that panicked, after its body ended and before the thread terminates.
 */
@FunctionalInterface
public interface PanicHandler {
    /**
     * Handles one panic.
     *
     * @param goroutine the goroutine (thread) that panicked
     * @param goid its {@link Go#goid() goroutine id}
     * @param panic what escaped it
     */
    void panicked(Thread goroutine, long goid, Throwable panic);
}
