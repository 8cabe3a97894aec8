package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** A goroutine writes {@code data} and closes the channel; main ranges over the channel until it is closed and then reads {@code data}. */
public final class ChanClose {

    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> ch = Chan.make();
        Thread worker = Go.go(() -> {
            ch.send(1);
            data = 42;
            ch.close();
        });
        int received = 0;
        for (int v : ch) {
            received += v;
        }
        if (received != 1 || data != 42) {
            throw new AssertionError();
        }
        worker.join();
    }
}
