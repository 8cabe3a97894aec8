package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** A filled box is sent on an unbuffered go4j channel; the receiving goroutine reads its field. */
public final class ChanUnbufferedSend {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        Chan<Box> ch = Chan.make();
        Thread receiver = Go.go(() -> {
            if (ch.recv().value != 42) {
                throw new AssertionError();
            }
        });
        Box box = new Box();
        box.value = 42;
        ch.send(box);
        receiver.join();
    }
}
