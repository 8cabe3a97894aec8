package io.github.go4j.racesuite.norace;

import java.util.concurrent.SynchronousQueue;

/** A box is filled and handed over through a SynchronousQueue (put/take), then read by the consumer. */
public final class SynchronousQueueHandoff {

    static final class Box {
        String text;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Box> queue = new SynchronousQueue<>();
        Thread producer = Thread.ofVirtual().start(() -> {
            Box box = new Box();
            box.text = "hello";
            try {
                queue.put(box);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!queue.take().text.equals("hello")) {
            throw new AssertionError();
        }
        producer.join();
    }
}
