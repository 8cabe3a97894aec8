package io.github.go4j.examples;

import io.github.go4j.sync.Mutex;
import io.github.go4j.sync.WaitGroup;

/** {@link RacyCounter} fixed with a mutex (the seed's "Fix with mutex"): silent under the race detector. */
public final class MutexCounter {
    private static final Mutex MU = new Mutex();
    static int counter; // guarded by MU

    private MutexCounter() {}

    static void increment() throws InterruptedException {
        MU.lock();
        try {
            counter++;
        } finally {
            MU.unlock();
        }
    }

    /**
     * Runs the ten goroutines, each incrementing under the mutex, and prints the counter (10000).
     *
     * @param args not used
     * @throws InterruptedException if interrupted while waiting for the goroutines
     */
    public static void main(String[] args) throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 10; g++) {
            wg.go(() -> {
                try {
                    for (int i = 0; i < 1000; i++) increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        wg.await();
        System.out.println("counter = " + counter + " (10 goroutines x 1000 increments, under a Mutex)");
    }
}
