package io.github.go4j.racesuite.race;

import java.util.concurrent.locks.ReentrantLock;

/** The buyer decrements {@code stock} under a ReentrantLock, the auditor reads it without the lock: that write and that read race. */
public final class ReentrantLockReaderSkipsLock {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static int stock = 10;

    public static void main(String[] args) throws InterruptedException {
        Thread buyer = new Thread(() -> {
            LOCK.lock();
            try {
                stock--;
            } finally {
                LOCK.unlock();
            }
        });
        Thread auditor = new Thread(() -> System.out.println("stock = " + stock));
        buyer.start();
        auditor.start();
        buyer.join();
        auditor.join();
    }
}
