package io.github.go4j.sync.internal;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The synchronizer behind {@code RWMutex}.
 *
 * <p>Implementation note. {@code state} is -1 while a writer holds the lock, the number of readers while
 * readers hold it, 0 when free; no owner is recorded (Go's locks are not owned). Acquisitions that have to
 * wait queue in one FIFO queue, and a queued acquisition, reader or writer, proceeds only when no one is queued
 * ahead of it ({@code hasQueuedPredecessors}). So once a writer waits, readers arriving later queue behind it
 * instead of joining the readers inside: the writer gets the lock when those drain (Go's writer preference, and
 * no starvation of either side). Readers queued together are admitted together (shared propagation).
 * {@link #tryLockWrite()} barges (like Go's {@code TryLock}); {@link #tryLockRead()} fails whenever anyone is
 * queued, which covers Go's "fails if a writer is pending".
 */
public final class ReadWriteSync extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;
    private static final String UNLOCK_OF_UNLOCKED = "sync: Unlock of unlocked RWMutex";
    private static final String RUNLOCK_OF_UNLOCKED = "sync: RUnlock of unlocked RWMutex";

    @Override
    protected boolean tryAcquire(int ignored) {
        return !hasQueuedPredecessors() && getState() == 0 && compareAndSetState(0, -1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
        if (!compareAndSetState(-1, 0)) throw new IllegalStateException(UNLOCK_OF_UNLOCKED);
        return true;
    }

    @Override
    protected int tryAcquireShared(int ignored) {
        while (true) {
            if (hasQueuedPredecessors()) return -1;
            int s = getState();
            if (s < 0) return -1;
            if (compareAndSetState(s, s + 1)) return 1;
        }
    }

    @Override
    protected boolean tryReleaseShared(int ignored) {
        while (true) {
            int s = getState();
            if (s <= 0) throw new IllegalStateException(RUNLOCK_OF_UNLOCKED);
            if (compareAndSetState(s, s - 1)) return s == 1;
        }
    }

    /** A write lock if free now (ignores the queue). */
    public boolean tryLockWrite() {
        return getState() == 0 && compareAndSetState(0, -1);
    }

    /** A read lock if no writer holds or waits. */
    public boolean tryLockRead() {
        while (true) {
            if (hasQueuedThreads()) return false;
            int s = getState();
            if (s < 0) return false;
            if (compareAndSetState(s, s + 1)) return true;
        }
    }

    /** A read lock taken by the fast path of a blocking call (same rule as a queued one). */
    public boolean tryLockReadFair() {
        return tryAcquireShared(1) > 0;
    }

    /** A write lock taken by the fast path of a blocking call. */
    public boolean tryLockWriteFair() {
        return tryAcquire(1);
    }

    /**
     * Throws Go's misuse error unless a writer holds the lock now: checked before an unlock reports its
     * release, so a misuse reports nothing. (A misuse racing a correct unlock may pass this check; the release
     * itself still rejects it.)
     */
    public void checkWriteLocked() {
        if (getState() >= 0) throw new IllegalStateException(UNLOCK_OF_UNLOCKED);
    }

    /** Throws Go's misuse error unless readers hold the lock now; see {@link #checkWriteLocked()}. */
    public void checkReadLocked() {
        if (getState() <= 0) throw new IllegalStateException(RUNLOCK_OF_UNLOCKED);
    }

    /** -1 writer, n readers, 0 free (a snapshot). */
    public int holders() {
        return getState();
    }
}
