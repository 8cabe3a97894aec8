package io.github.go4j.racesuite.race;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The producer changes {@code box.value} after putting the box in a BlockingQueue: that write races with the consumer's read after take. */
public final class BlockingQueueMutateAfterPut {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Box> queue = new ArrayBlockingQueue<>(1);
        Thread consumer = new Thread(() -> {
            try {
                System.out.println("value = " + queue.take().value);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        consumer.start();
        Box box = new Box();
        box.value = 1;
        queue.put(box);
        box.value = 2;
        consumer.join();
    }
}
