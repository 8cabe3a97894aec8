package io.github.go4j.racesuite.norace;

import java.util.concurrent.locks.StampedLock;

/** A writer updates {@code x} under StampedLock's write lock, a reader reads it under the (pessimistic) read lock. */
public final class StampedLockReadWrite {

    private static final StampedLock LOCK = new StampedLock();
    private static int x; // guarded by LOCK

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            long stamp = LOCK.writeLock();
            try {
                x++;
            } finally {
                LOCK.unlockWrite(stamp);
            }
        });
        Thread reader = new Thread(() -> {
            long stamp = LOCK.readLock();
            try {
                System.out.println("x = " + x);
            } finally {
                LOCK.unlockRead(stamp);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
