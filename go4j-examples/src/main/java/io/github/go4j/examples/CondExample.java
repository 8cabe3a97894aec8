package io.github.go4j.examples;

import io.github.go4j.sync.Cond;
import io.github.go4j.sync.Mutex;
import io.github.go4j.sync.WaitGroup;
import java.util.ArrayDeque;

/** The seed's sync.Cond queue: a consumer waits on a condition until the producer enqueues. */
public final class CondExample implements Example {

    static final class Queue {
        private final Mutex mu = new Mutex();
        private final Cond cond = new Cond(mu);
        private final ArrayDeque<Integer> items = new ArrayDeque<>(); // guarded by mu

        void enqueue(int item) throws InterruptedException {
            mu.lock();
            try {
                items.add(item);
                cond.signal(); // wake up one waiting goroutine
            } finally {
                mu.unlock();
            }
        }

        int dequeue() throws InterruptedException {
            mu.lock();
            try {
                while (items.isEmpty()) cond.await(); // releases the lock while waiting
                return items.poll();
            } finally {
                mu.unlock();
            }
        }
    }

    /** The example, ready to {@link #run()}. */
    public CondExample() {}

    @Override public String name() { return "cond"; }
    @Override public String title() { return "sync.Cond: a queue whose consumer waits for items"; }

    @Override
    public void run() throws InterruptedException {
        Queue queue = new Queue();
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            try {
                for (int i = 0; i < 5; i++) System.out.printf("Consumed: %d%n", queue.dequeue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        wg.go(() -> {
            try {
                for (int i = 1; i <= 5; i++) {
                    Thread.sleep(10);
                    queue.enqueue(i);
                    System.out.printf("Produced: %d%n", i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        wg.await();
    }
}
