package io.github.go4j.racesuite.race;

import java.util.concurrent.CountDownLatch;

/** The interrupter writes the field only after {@code interrupt()}: the interrupted worker's read of it races with that write. */
public final class WriteAfterInterrupt {
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
        worker.interrupt();
        reason = "too late";
        worker.join();
        System.out.println("seen " + seen[0]);
    }
}
