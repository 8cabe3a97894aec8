package io.github.go4j.racesuite.norace;

import java.util.concurrent.Phaser;

/** Two threads write their own slot, {@code arriveAndAwaitAdvance} on a Phaser, then read the other's slot and deregister. */
public final class PhaserPhases {

    private static final Phaser PHASER = new Phaser(2);
    private static final int[] SLOTS = new int[2];

    static void party(int me) {
        SLOTS[me] = me + 10;
        PHASER.arriveAndAwaitAdvance();
        if (SLOTS[1 - me] != 11 - me) {
            throw new AssertionError();
        }
        PHASER.arriveAndDeregister();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.ofVirtual().start(() -> party(0));
        Thread b = Thread.ofVirtual().start(() -> party(1));
        a.join();
        b.join();
    }
}
