package io.github.go4j.racesuite.norace;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The producer fills three boxes and puts them in a BlockingQueue; the consumer takes them and reads their fields. */
public final class BlockingQueueHandoff {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Box> queue = new LinkedBlockingQueue<>(2);
        Thread consumer = new Thread(() -> {
            int sum = 0;
            try {
                for (int i = 0; i < 3; i++) {
                    sum += queue.take().value;
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (sum != 6) {
                throw new AssertionError();
            }
        });
        consumer.start();
        for (int i = 1; i <= 3; i++) {
            Box box = new Box();
            box.value = i;
            queue.put(box);
        }
        consumer.join();
    }
}
