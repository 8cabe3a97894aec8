package io.github.go4j.racesuite.race;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** A send on a buffered channel does not wait for the receive: the goroutine's write of {@code note} before its receive races with main's read after its send. */
public final class ChanBufferedSendDoesNotWait {

    private static String note;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> ch = Chan.make(1);
        Thread receiver = Go.go(() -> {
            note = "receiver was here";
            ch.recv();
        });
        ch.send(1);
        String seen = note;
        receiver.join();
        System.out.println("seen = " + seen);
    }
}
