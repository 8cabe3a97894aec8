package io.github.go4j.racesuite.norace;

import java.util.concurrent.CountDownLatch;

/** Three workers each write their own element and count down; main reads all elements after {@code await()} (before joining them). */
public final class CountDownLatchHandoff {

    public static void main(String[] args) throws InterruptedException {
        int[] parts = new int[3];
        CountDownLatch done = new CountDownLatch(parts.length);
        Thread[] workers = new Thread[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int slot = i;
            workers[i] = Thread.ofVirtual().start(() -> {
                parts[slot] = slot + 1;
                done.countDown();
            });
        }
        done.await();
        int sum = parts[0] + parts[1] + parts[2];
        for (Thread w : workers) {
            w.join();
        }
        if (sum != 6) {
            throw new AssertionError();
        }
    }
}
