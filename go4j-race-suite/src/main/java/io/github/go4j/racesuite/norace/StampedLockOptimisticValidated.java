package io.github.go4j.racesuite.norace;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.StampedLock;

/** After the writer has written {@code x} under the write lock, the reader reads it optimistically and validates the stamp (falling back to the read lock): the stamp orders the write before the read. */
public final class StampedLockOptimisticValidated {

    private static final StampedLock LOCK = new StampedLock();
    /** Only orders the two threads in time: opaque accesses create no happens-before. */
    private static final AtomicBoolean WRITTEN = new AtomicBoolean();
    private static int x; // guarded by LOCK

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            long stamp = LOCK.writeLock();
            try {
                x = 42;
            } finally {
                LOCK.unlockWrite(stamp);
            }
            WRITTEN.setOpaque(true);
        });
        Thread reader = new Thread(() -> {
            while (!WRITTEN.getOpaque()) {
                Thread.onSpinWait();
            }
            long stamp = LOCK.tryOptimisticRead();
            int seen = x;
            if (!LOCK.validate(stamp)) {
                stamp = LOCK.readLock();
                try {
                    seen = x;
                } finally {
                    LOCK.unlockRead(stamp);
                }
            }
            if (seen != 42) {
                throw new AssertionError();
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
