package io.github.go4j.racesuite.norace;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A writer updates two fields under the write lock while two readers read them under the read lock (read unlock orders a later write lock, write unlock a later read lock). */
public final class ReadWriteLockPublish {

    private static final ReadWriteLock RW = new ReentrantReadWriteLock();
    private static int low; // guarded by RW
    private static int high; // guarded by RW

    public static void main(String[] args) throws InterruptedException {
        Runnable read = () -> {
            RW.readLock().lock();
            try {
                if (high - low != 10) {
                    throw new AssertionError();
                }
            } finally {
                RW.readLock().unlock();
            }
        };
        Thread writer = new Thread(() -> {
            RW.writeLock().lock();
            try {
                low = 5;
                high = 15;
            } finally {
                RW.writeLock().unlock();
            }
        });
        high = 10;
        Thread r1 = new Thread(read);
        Thread r2 = new Thread(read);
        r1.start();
        writer.start();
        r2.start();
        r1.join();
        writer.join();
        r2.join();
    }
}
