package io.github.go4j.racesuite.race;

import java.util.concurrent.CountDownLatch;

/** The worker counts the latch down before writing {@code result}: that write races with main's read after await. */
public final class CountDownBeforeWrite {

    private static int result;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            done.countDown();
            result = 42;
        });
        worker.start();
        done.await();
        int seen = result;
        worker.join();
        System.out.println("seen = " + seen);
    }
}
