package io.github.go4j.racesuite.race;

import java.util.concurrent.Semaphore;

/** The producer releases the Semaphore before writing {@code data}: that write races with the consumer's read after acquire. */
public final class SemaphoreReleasedBeforeWrite {

    private static final Semaphore READY = new Semaphore(0);
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            READY.acquireUninterruptibly();
            System.out.println("data = " + data);
        });
        Thread producer = new Thread(() -> {
            READY.release();
            data = 42;
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
