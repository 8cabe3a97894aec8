package io.github.go4j.racesuite.race;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** The goroutine closes the channel before writing {@code data}: that write races with main's read after the closed receive. */
public final class ChanCloseBeforeWrite {

    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> done = Chan.make();
        Thread worker = Go.go(() -> {
            done.close();
            data = 1;
        });
        done.recvOk();
        int seen = data;
        worker.join();
        System.out.println("seen = " + seen);
    }
}
