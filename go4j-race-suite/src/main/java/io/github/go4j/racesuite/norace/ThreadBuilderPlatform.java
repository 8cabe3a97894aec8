package io.github.go4j.racesuite.norace;

/** A thread made by {@code Thread.ofPlatform().name(..).unstarted(..)} reads and writes fields ordered by start and join. */
public final class ThreadBuilderPlatform {

    private static final int[] CELLS = new int[2];

    public static void main(String[] args) throws InterruptedException {
        CELLS[0] = 5;
        Thread worker = Thread.ofPlatform().name("builder-worker").unstarted(() -> CELLS[1] = CELLS[0] + 1);
        worker.start();
        worker.join();
        CELLS[0] = CELLS[1];
        System.out.println(CELLS[0] + " " + CELLS[1]);
    }
}
