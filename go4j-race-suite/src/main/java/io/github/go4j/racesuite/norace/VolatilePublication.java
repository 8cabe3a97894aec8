package io.github.go4j.racesuite.norace;

/** The writer writes {@code data}, then the volatile {@code ready}; the reader spins on {@code ready} and then reads {@code data}. */
public final class VolatilePublication {

    private static volatile boolean ready;
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.onSpinWait();
            }
            if (data != 42) {
                throw new AssertionError();
            }
        });
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true;
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
