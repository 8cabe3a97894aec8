package io.github.go4j.racesuite.norace;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** The writer writes {@code data}, then CASes the volatile {@code state} through an AtomicIntegerFieldUpdater; the reader spins on the updater's {@code get} and reads {@code data}. */
public final class FieldUpdaterPublication {

    private static final AtomicIntegerFieldUpdater<FieldUpdaterPublication> STATE =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterPublication.class, "state");
    private volatile int state;
    private int data;

    public static void main(String[] args) throws InterruptedException {
        FieldUpdaterPublication shared = new FieldUpdaterPublication();
        Thread reader = new Thread(() -> {
            while (STATE.get(shared) == 0) {
                Thread.onSpinWait();
            }
            if (shared.data != 42) {
                throw new AssertionError();
            }
        });
        Thread writer = new Thread(() -> {
            shared.data = 42;
            STATE.compareAndSet(shared, 0, 1);
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
