package io.github.go4j.examples;

import io.github.go4j.sync.WaitGroup;
import java.util.concurrent.atomic.AtomicLong;

/** {@link RacyCounter} fixed with an atomic (the seed's {@code atomic.AddInt64}): silent under the race detector. */
public final class AtomicCounter {
    static final AtomicLong COUNTER = new AtomicLong();

    private AtomicCounter() {}

    /**
     * Runs the ten goroutines, each incrementing the atomic, and prints the counter (10000).
     *
     * @param args not used
     * @throws InterruptedException if interrupted while waiting for the goroutines
     */
    public static void main(String[] args) throws InterruptedException {
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 10; g++) {
            wg.go(() -> {
                for (int i = 0; i < 1000; i++) COUNTER.incrementAndGet();
            });
        }
        wg.await();
        System.out.println("counter = " + COUNTER.get() + " (10 goroutines x 1000 increments, atomically)");
    }
}
