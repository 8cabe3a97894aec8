package io.github.go4j.racesuite.norace;

/** A worker spins until {@code isInterrupted()} is true, then reads what the interrupter wrote before {@code interrupt()} (JLS 17.4.4). */
public final class InterruptFlagPolled {
    private static int stopAt;

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            seen[0] = stopAt;
        });
        worker.start();
        stopAt = 42;
        worker.interrupt();
        worker.join();
        System.out.println("seen " + seen[0]);
    }
}
