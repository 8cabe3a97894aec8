package io.github.go4j.racesuite.race;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Two threads increment {@code hits} holding only the read lock of a ReentrantReadWriteLock (read locks do not exclude each other): the two {@code hits++} race. */
public final class ReadLockUsedForWrite {

    private static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    private static int hits;

    static void hit() {
        Lock read = RW.readLock();
        read.lock();
        try {
            hits++;
        } finally {
            read.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(ReadLockUsedForWrite::hit);
        Thread b = new Thread(ReadLockUsedForWrite::hit);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("hits = " + hits);
    }
}
