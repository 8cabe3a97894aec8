package io.github.go4j.racesuite.race;

/** main sleeps instead of synchronising before reading {@code result}: the worker's write and main's read race (sleep orders nothing). */
public final class SleepAsSync {

    private static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> result = 42);
        worker.start();
        Thread.sleep(100);
        int seen = result;
        worker.join();
        System.out.println("seen = " + seen);
    }
}
