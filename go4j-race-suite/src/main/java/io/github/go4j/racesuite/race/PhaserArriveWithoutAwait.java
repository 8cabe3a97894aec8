package io.github.go4j.racesuite.race;

import java.util.concurrent.Phaser;

/** Thread a arrives at the Phaser without awaiting the advance and reads {@code data}, which b writes before arriving: the write and the read race. */
public final class PhaserArriveWithoutAwait {

    private static final Phaser PHASER = new Phaser(2);
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            PHASER.arrive();
            System.out.println("data = " + data);
        });
        Thread b = new Thread(() -> {
            data = 1;
            PHASER.arriveAndAwaitAdvance();
        });
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
