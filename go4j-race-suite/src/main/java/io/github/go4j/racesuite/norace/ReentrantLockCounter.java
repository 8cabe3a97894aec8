package io.github.go4j.racesuite.norace;

import java.util.concurrent.locks.ReentrantLock;

/** Two threads increment {@code count} under one ReentrantLock, lock/try/finally unlock. */
public final class ReentrantLockCounter {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static int count; // guarded by LOCK

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
                LOCK.lock();
                try {
                    count++;
                } finally {
                    LOCK.unlock();
                }
            }
        };
        Thread a = new Thread(work);
        Thread b = Thread.ofVirtual().unstarted(work);
        a.start();
        b.start();
        a.join();
        b.join();
        if (count != 1000) {
            throw new AssertionError();
        }
    }
}
