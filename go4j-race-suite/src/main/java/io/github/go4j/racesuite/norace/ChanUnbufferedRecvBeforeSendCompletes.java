package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** On an unbuffered channel the receive happens-before the send completes: the receiver writes {@code note} before receiving, main reads it after its send. */
public final class ChanUnbufferedRecvBeforeSendCompletes {

    private static String note;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> ch = Chan.make();
        Thread receiver = Go.go(() -> {
            note = "receiver was here";
            ch.recv();
        });
        ch.send(1);
        if (!"receiver was here".equals(note)) {
            throw new AssertionError();
        }
        receiver.join();
    }
}
