package io.github.go4j.racesuite.overhead;

import java.util.concurrent.CountDownLatch;

/**
 * Fan-out over 100,000 virtual threads: each computes a small sum into its own element of a shared
 * array and counts a CountDownLatch down; main awaits the latch and adds the elements. Thread i computes
 * Σ_{j<WORK} (i + j) mod 1000, checked against the same sum computed in main for every thousandth thread
 * and against the grand total's closed form.
 */
public final class VirtualFanOut {

    private static final int THREADS = 100_000;
    private static final int WORK = 4_000;

    private VirtualFanOut() {}

    public static void main(String[] args) throws InterruptedException {
        long[] results = new long[THREADS];
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int id = i;
            Thread.ofVirtual().start(() -> {
                results[id] = work(id);
                done.countDown();
            });
        }
        done.await();
        long total = 0;
        for (int i = 0; i < THREADS; i++) {
            if (i % 1000 == 0 && results[i] != work(i)) {
                throw new IllegalStateException("thread " + i + " computed " + results[i]);
            }
            total += results[i];
        }
        // every residue 0..999 occurs WORK / 1000 times per thread: each thread's sum is 2 * 499500
        long expected = (long) THREADS * (WORK / 1000) * 499_500L;
        if (total != expected) {
            throw new IllegalStateException("total " + total + ", expected " + expected);
        }
        System.out.printf("fan-out %d virtual threads: checksum %d ok%n", THREADS, total);
    }

    private static long work(int id) {
        long sum = 0;
        for (int j = 0; j < WORK; j++) {
            sum += (id + j) % 1000;
        }
        return sum;
    }
}
