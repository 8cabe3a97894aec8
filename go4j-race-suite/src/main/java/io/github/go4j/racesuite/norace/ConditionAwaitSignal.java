package io.github.go4j.racesuite.norace;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The producer writes {@code data} and signals a Condition under the lock; the consumer awaits in a loop under the lock and reads {@code data}. */
public final class ConditionAwaitSignal {

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
                if (data != 42) {
                    throw new AssertionError();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                LOCK.unlock();
            }
        });
        Thread producer = new Thread(() -> {
            data = 42;
            LOCK.lock();
            try {
                ready = true;
                READY.signal();
            } finally {
                LOCK.unlock();
            }
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
