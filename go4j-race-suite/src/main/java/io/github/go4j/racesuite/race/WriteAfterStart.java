package io.github.go4j.racesuite.race;

/** main writes {@code config} after starting the worker: that write races with the worker's read (start orders only what came before it). */
public final class WriteAfterStart {

    private static int config = 1;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> System.out.println("config = " + config));
        worker.start();
        config = 2;
        worker.join();
    }
}
