package io.github.go4j.racesuite.race;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Between two generations of one CyclicBarrier, thread a writes {@code shared} and thread b reads it: the write and the read race (each await orders only what came before it). */
public final class CyclicBarrierNextGeneration {

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
            await();
        });
        Thread b = new Thread(() -> {
            await();
            System.out.println("shared = " + shared);
            await();
        });
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
