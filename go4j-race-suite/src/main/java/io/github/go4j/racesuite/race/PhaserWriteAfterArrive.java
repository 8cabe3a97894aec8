package io.github.go4j.racesuite.race;

import java.util.concurrent.Phaser;

/** Thread b arrives at the Phaser without waiting and then writes {@code data}; thread a reads it after the phase advance: b's write (after its arrival) and a's read race. */
public final class PhaserWriteAfterArrive {

    private static final Phaser PHASER = new Phaser(2);
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            PHASER.arriveAndAwaitAdvance();
            System.out.println("data = " + data);
        });
        Thread b = new Thread(() -> {
            PHASER.arrive();
            data = 1;
        });
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
