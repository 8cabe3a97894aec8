package io.github.go4j.racesuite.race;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The producer writes {@code data} after signalling and unlocking: that write races with the consumer's read after its await. */
public final class ConditionDataWrittenAfterSignal {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition READY = LOCK.newCondition();
    private static boolean ready; // guarded by LOCK
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            LOCK.lock();
            try {
                while (!ready) {
                    READY.await();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                LOCK.unlock();
            }
            System.out.println("data = " + data);
        });
        Thread producer = new Thread(() -> {
            LOCK.lock();
            try {
                ready = true;
                READY.signal();
            } finally {
                LOCK.unlock();
            }
            data = 42;
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
