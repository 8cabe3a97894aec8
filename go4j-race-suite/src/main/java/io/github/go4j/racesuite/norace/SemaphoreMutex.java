package io.github.go4j.racesuite.norace;

import java.util.concurrent.Semaphore;

/** Two threads increment {@code count} between {@code acquire} and {@code release} of a one-permit Semaphore. */
public final class SemaphoreMutex {

    private static final Semaphore MUTEX = new Semaphore(1);
    private static int count; // guarded by MUTEX

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 200; i++) {
                MUTEX.acquireUninterruptibly();
                try {
                    count++;
                } finally {
                    MUTEX.release();
                }
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        if (count != 400) {
            throw new AssertionError();
        }
    }
}
