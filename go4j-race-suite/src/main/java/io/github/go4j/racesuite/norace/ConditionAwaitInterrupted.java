package io.github.go4j.racesuite.norace;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A waiter interrupted in {@code Condition.await} has the lock again when the InterruptedException
 * arrives, and reads the guarded field in its handler: what the interrupter wrote under the lock is
 * ordered before it.
 */
public final class ConditionAwaitInterrupted {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition CHANGED = LOCK.newCondition();
    private static int state; // guarded by LOCK

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        int[] seen = new int[1];
        Thread waiter = new Thread(() -> {
            LOCK.lock();
            try {
                waiting.countDown();
                while (true) {
                    CHANGED.await();
                }
            } catch (InterruptedException e) {
                seen[0] = state;
            } finally {
                LOCK.unlock();
            }
        });
        waiter.start();
        waiting.await();
        LOCK.lock();
        try {
            state = 7;
            waiter.interrupt();
        } finally {
            LOCK.unlock();
        }
        waiter.join();
        System.out.println("seen " + seen[0]);
    }
}
