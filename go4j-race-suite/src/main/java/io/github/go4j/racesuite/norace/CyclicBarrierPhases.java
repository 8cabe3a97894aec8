package io.github.go4j.racesuite.norace;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Two threads write their own slot, meet at a CyclicBarrier, then read the other's slot. */
public final class CyclicBarrierPhases {

    private static final CyclicBarrier BARRIER = new CyclicBarrier(2);
    private static final int[] SLOTS = new int[2];

    static void party(int me) {
        SLOTS[me] = me + 10;
        try {
            BARRIER.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        if (SLOTS[1 - me] != 11 - me) {
            throw new AssertionError();
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
