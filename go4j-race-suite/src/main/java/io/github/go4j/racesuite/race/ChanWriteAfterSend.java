package io.github.go4j.racesuite.race;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** main changes {@code box.value} after its unbuffered send completes: that write races with the receiver's read after its receive. */
public final class ChanWriteAfterSend {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        Chan<Box> ch = Chan.make();
        Thread receiver = Go.go(() -> System.out.println("value = " + ch.recv().value));
        Box box = new Box();
        box.value = 1;
        ch.send(box);
        box.value = 2;
        receiver.join();
    }
}
