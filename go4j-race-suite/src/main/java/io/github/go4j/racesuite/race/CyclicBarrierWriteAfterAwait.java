package io.github.go4j.racesuite.race;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Thread a writes {@code shared} after the barrier, thread b reads it after the same barrier: the write and the read race. */
public final class CyclicBarrierWriteAfterAwait {

    private static final CyclicBarrier BARRIER = new CyclicBarrier(2);
    private static int shared;

    static void await() {
        try {
            BARRIER.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            await();
            shared = 1;
        });
        Thread b = new Thread(() -> {
            await();
            System.out.println("shared = " + shared);
        });
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
