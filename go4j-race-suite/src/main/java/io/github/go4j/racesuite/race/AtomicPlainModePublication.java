package io.github.go4j.racesuite.race;

import java.util.concurrent.atomic.AtomicBoolean;

/** {@code data} is published through {@code AtomicBoolean.setPlain}/{@code getPlain} (plain mode has no release/acquire): the write and the read of {@code data} race. */
public final class AtomicPlainModePublication {

    private static final AtomicBoolean READY = new AtomicBoolean();
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            long deadline = System.nanoTime() + 200_000_000L; // a plain read may never see the write: spin bounded
            while (!READY.getPlain() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            System.out.println("data = " + data);
        });
        Thread writer = new Thread(() -> {
            data = 42;
            READY.setPlain(true);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
