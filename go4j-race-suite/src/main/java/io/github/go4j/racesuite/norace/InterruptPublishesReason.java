package io.github.go4j.racesuite.norace;

import java.util.concurrent.CountDownLatch;

/**
 * The interrupter writes a field and then interrupts a sleeping worker, which reads it in its
 * {@code InterruptedException} handler: an interrupt synchronises-with the point where the interrupted
 * thread finds out (JLS 17.4.4).
 */
public final class InterruptPublishesReason {
    private static String reason;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch sleeping = new CountDownLatch(1);
        String[] seen = new String[1];
        Thread worker = new Thread(() -> {
            try {
                sleeping.countDown();
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                seen[0] = reason;
            }
        });
        worker.start();
        sleeping.await();
        reason = "shutting down";
        worker.interrupt();
        worker.join();
        System.out.println("seen " + seen[0]);
    }
}
