package io.github.go4j.sync;

import io.github.go4j.spi.internal.Events;
import io.github.go4j.sync.internal.ReadWriteSync;

/**
 * Go's {@code sync.RWMutex}: a reader/writer lock held by any number of readers or one writer.
 *
 * <p>Go's semantics: not reentrant, not owned (any goroutine may unlock), and <em>writer-preferring</em>: once
 * a goroutine waits in {@link #lock()}, later {@link #rLock()} calls wait until that writer has had the lock,
 * so a stream of readers cannot starve a writer (and readers are not starved either: waiters are served in
 * arrival order). A goroutine must therefore not take a read lock it already holds again (it may deadlock
 * behind a waiting writer, as in Go). Misuse throws {@code IllegalStateException}: "sync: Unlock of unlocked
 * RWMutex", "sync: RUnlock of unlocked RWMutex"; a misused unlock releases nothing (it reports no
 * happens-before edge, so it cannot hide a race from the detector).
 *
 * <p><b>Happens-before</b> (Go's memory model): the n-th {@link #unlock()} happens-before the return of every
 * later {@link #lock()} and {@link #rLock()}; every {@link #rUnlock()} happens-before the return of the next
 * {@link #lock()}.
 */
public final class RWMutex implements Locker {
    /** Event slots: what a writer's unlock publishes, and what the next writer's lock collects. */
    private static final long WRITER_UNLOCKED = 0, READERS_AND_WRITER_DONE = 1;

    private final ReadWriteSync sync = new ReadWriteSync();
    private final Locker readLocker = new Locker() {
        @Override public void lock() throws InterruptedException { rLock(); }
        @Override public void unlock() { rUnlock(); }
        @Override public String toString() { return "rLocker of " + RWMutex.this; }
    };

    /** An unlocked RWMutex. */
    public RWMutex() {}

    /**
     * Locks for writing, blocking while readers or a writer hold the lock.
     *
     * @throws InterruptedException if interrupted while waiting; the lock was not taken
     */
    @Override
    public void lock() throws InterruptedException {
        if (!sync.tryLockWriteFair()) {
            Events.blocked(this, "sync.RWMutex.Lock");
            try {
                sync.acquireInterruptibly(1);
            } finally {
                Events.unblocked(this);
            }
        }
        Events.acquire(this, WRITER_UNLOCKED);
        Events.acquire(this, READERS_AND_WRITER_DONE);
    }

    /**
     * Locks for writing if nobody holds the lock now; never blocks.
     *
     * @return true if it locked
     */
    public boolean tryLock() {
        if (!sync.tryLockWrite()) return false;
        Events.acquire(this, WRITER_UNLOCKED);
        Events.acquire(this, READERS_AND_WRITER_DONE);
        return true;
    }

    /**
     * Unlocks for writing; waiting readers (or the next writer) proceed.
     *
     * @throws IllegalStateException "sync: Unlock of unlocked RWMutex" if not locked for writing (nothing is
     *     released: no happens-before edge is reported and the lock is unchanged)
     */
    @Override
    public void unlock() {
        sync.checkWriteLocked();
        Events.release(this, WRITER_UNLOCKED);
        Events.release(this, READERS_AND_WRITER_DONE);
        sync.release(1);
    }

    /**
     * Locks for reading, blocking while a writer holds the lock or waits for it.
     *
     * @throws InterruptedException if interrupted while waiting; the lock was not taken
     */
    public void rLock() throws InterruptedException {
        if (!sync.tryLockReadFair()) {
            Events.blocked(this, "sync.RWMutex.RLock");
            try {
                sync.acquireSharedInterruptibly(1);
            } finally {
                Events.unblocked(this);
            }
        }
        Events.acquire(this, WRITER_UNLOCKED);
    }

    /**
     * Locks for reading if no writer holds or waits for the lock; never blocks.
     *
     * @return true if it locked for reading
     */
    public boolean tryRLock() {
        if (!sync.tryLockRead()) return false;
        Events.acquire(this, WRITER_UNLOCKED);
        return true;
    }

    /**
     * Undoes one {@link #rLock()}; the last reader out lets a waiting writer in.
     *
     * @throws IllegalStateException "sync: RUnlock of unlocked RWMutex" if not locked for reading (nothing is
     *     released: no happens-before edge is reported and the lock is unchanged)
     */
    public void rUnlock() {
        sync.checkReadLocked();
        Events.release(this, READERS_AND_WRITER_DONE);
        sync.releaseShared(1);
    }

    /**
     * A {@link Locker} whose {@code lock}/{@code unlock} are this mutex's {@code rLock}/{@code rUnlock}.
     *
     * @return the read-side locker
     */
    public Locker rLocker() {
        return readLocker;
    }

    @Override
    public String toString() {
        int h = sync.holders();
        return "RWMutex[" + (h < 0 ? "write-locked" : h == 0 ? "unlocked" : h + " readers") + "]";
    }
}
