package io.github.go4j.racesuite.norace;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** The barrier action sums what both parties wrote before their await into {@code total}; both read {@code total} after the await (parties → action → every return). */
public final class CyclicBarrierAction {

    private static final int[] PARTS = new int[2];
    private static int total;
    private static final CyclicBarrier BARRIER = new CyclicBarrier(2, () -> total = PARTS[0] + PARTS[1]);

    static void party(int me) {
        PARTS[me] = me + 1;
        try {
            BARRIER.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        if (total != 3) {
            throw new AssertionError("total = " + total);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> party(0));
        Thread b = new Thread(() -> party(1));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
