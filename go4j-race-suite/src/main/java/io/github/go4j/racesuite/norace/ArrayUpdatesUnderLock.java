package io.github.go4j.racesuite.norace;

/**
 * Two threads update one shared histogram with {@code +=} under its monitor, and their own rows
 * without a lock; main reads both after join.
 */
public final class ArrayUpdatesUnderLock {

    public static void main(String[] args) throws InterruptedException {
        int[] shared = new int[8];
        int[][] own = new int[2][8];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int[] mine = own[t];
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    mine[i % 8] += i;
                    synchronized (shared) {
                        shared[i % 8] += 1;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += shared[i] + own[0][i] - own[1][i];
        }
        if (sum != 2_000) {
            throw new AssertionError(sum);
        }
    }
}
