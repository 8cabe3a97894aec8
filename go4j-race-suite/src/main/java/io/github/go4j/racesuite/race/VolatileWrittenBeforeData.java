package io.github.go4j.racesuite.race;

/** The writer sets the volatile {@code ready} before {@code data}: the write of {@code data} races with the reader's read of it. */
public final class VolatileWrittenBeforeData {

    private static volatile boolean ready;
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.onSpinWait();
            }
            System.out.println("data = " + data);
        });
        Thread writer = new Thread(() -> {
            ready = true;
            data = 42;
        });
        reader.start();
        writer.start();
        reader.join();
        writer.join();
    }
}
