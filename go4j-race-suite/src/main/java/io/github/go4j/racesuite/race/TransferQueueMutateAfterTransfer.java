package io.github.go4j.racesuite.race;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

/** The producer changes {@code box.value} after {@code transfer} returns: that write races with the consumer's read after take (the handoff orders only what came before it). */
public final class TransferQueueMutateAfterTransfer {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        TransferQueue<Box> queue = new LinkedTransferQueue<>();
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
        queue.transfer(box);
        box.value = 2;
        consumer.join();
    }
}
