package io.github.go4j.sync;

/** Go's {@code sync.Locker}: something that can be locked and unlocked ({@link Mutex}, {@link RWMutex}, {@link RWMutex#rLocker()}). */
public interface Locker {
    /**
     * Locks, blocking until the lock is available.
     *
     * @throws InterruptedException if interrupted while waiting; the lock was not taken
     */
    void lock() throws InterruptedException;

    /**
     * Unlocks. Any goroutine may unlock, not only the one that locked (Go's rule).
     *
     * @throws IllegalStateException if not locked
     */
    void unlock();
}
