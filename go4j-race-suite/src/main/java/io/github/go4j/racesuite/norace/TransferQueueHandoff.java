package io.github.go4j.racesuite.norace;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

/** The producer fills a box and hands it over with {@code TransferQueue.transfer}; the consumer takes it and reads its field. */
public final class TransferQueueHandoff {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        TransferQueue<Box> queue = new LinkedTransferQueue<>();
        Thread consumer = new Thread(() -> {
            try {
                if (queue.take().value != 42) {
                    throw new AssertionError();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        consumer.start();
        Box box = new Box();
        box.value = 42;
        queue.transfer(box);
        consumer.join();
    }
}
