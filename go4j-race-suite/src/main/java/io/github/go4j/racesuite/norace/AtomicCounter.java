package io.github.go4j.racesuite.norace;

import java.util.concurrent.atomic.AtomicInteger;

/** Two threads count with {@code AtomicInteger.incrementAndGet}, each keeping its last value in its own array element; main reads after join. */
public final class AtomicCounter {

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        int[] last = new int[2];
        Thread a = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                last[0] = counter.incrementAndGet();
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                last[1] = counter.incrementAndGet();
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter.get() != 2000 || Math.max(last[0], last[1]) != 2000) {
            throw new AssertionError();
        }
    }
}
