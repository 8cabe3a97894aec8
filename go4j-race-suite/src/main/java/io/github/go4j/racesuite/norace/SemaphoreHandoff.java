package io.github.go4j.racesuite.norace;

import java.util.concurrent.Semaphore;

/** The producer writes {@code data} and releases a Semaphore; the consumer acquires it and reads {@code data}. */
public final class SemaphoreHandoff {

    private static final Semaphore READY = new Semaphore(0);
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            READY.acquireUninterruptibly();
            if (data != 42) {
                throw new AssertionError();
            }
        });
        Thread producer = new Thread(() -> {
            data = 42;
            READY.release();
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
