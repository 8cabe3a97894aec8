package io.github.go4j.racesuite.race;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.StampedLock;

/** The reader uses an optimistic read of {@code x} without validating it, then the writer writes {@code x} under the write lock: the read and the write race. */
public final class StampedLockOptimisticNotValidated {

    private static final StampedLock LOCK = new StampedLock();
    /** Only orders the two threads in time: opaque accesses create no happens-before. */
    private static final AtomicBoolean READ_DONE = new AtomicBoolean();
    private static int x;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            long stamp = LOCK.tryOptimisticRead();
            int seen = x; // never validated
            READ_DONE.setOpaque(true);
            System.out.println("stamp " + (stamp != 0) + ", x = " + seen);
        });
        Thread writer = new Thread(() -> {
            while (!READ_DONE.getOpaque()) {
                Thread.onSpinWait();
            }
            long stamp = LOCK.writeLock();
            try {
                x = 1;
            } finally {
                LOCK.unlockWrite(stamp);
            }
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
