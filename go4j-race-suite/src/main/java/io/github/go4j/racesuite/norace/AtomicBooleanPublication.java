package io.github.go4j.racesuite.norace;

import java.util.concurrent.atomic.AtomicBoolean;

/** The writer writes {@code data}, then {@code AtomicBoolean.set(true)}; the reader spins on {@code get()} and reads {@code data}. */
public final class AtomicBooleanPublication {

    private static final AtomicBoolean READY = new AtomicBoolean();
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            while (!READY.get()) {
                Thread.onSpinWait();
            }
            if (data != 42) {
                throw new AssertionError();
            }
        });
        Thread writer = new Thread(() -> {
            data = 42;
            READY.set(true);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
