package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** Four filled boxes go through a buffered channel of capacity 4; the receiving goroutine reads their fields. */
public final class ChanBufferedHandoff {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        Chan<Box> ch = Chan.make(4);
        Thread receiver = Go.go(() -> {
            int sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += ch.recv().value;
            }
            if (sum != 10) {
                throw new AssertionError();
            }
        });
        for (int i = 1; i <= 4; i++) {
            Box box = new Box();
            box.value = i;
            ch.send(box);
        }
        receiver.join();
    }
}
