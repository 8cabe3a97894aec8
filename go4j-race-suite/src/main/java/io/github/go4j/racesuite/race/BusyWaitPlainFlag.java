package io.github.go4j.racesuite.race;

/** The reader busy-waits on a plain (non-volatile) flag: the writes of {@code ready} and {@code data} race with the reader's reads of them. */
public final class BusyWaitPlainFlag {

    private static boolean ready;
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            long deadline = System.nanoTime() + 200_000_000L; // the JIT may hoist a plain read: spin bounded
            while (!ready && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            System.out.println("data = " + data);
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
