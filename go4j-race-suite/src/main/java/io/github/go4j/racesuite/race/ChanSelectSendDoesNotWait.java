package io.github.go4j.racesuite.race;

import io.github.go4j.Go;
import io.github.go4j.chan.Case;
import io.github.go4j.chan.Chan;
import io.github.go4j.chan.Select;

/** main's select sends on a buffered channel with room, which does not wait for the receiver: the goroutine's write of {@code note} before its receive races with main's read after the select. */
public final class ChanSelectSendDoesNotWait {

    private static String note;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> jobs = Chan.make(1);
        Chan<Integer> unused = Chan.make();
        Thread receiver = Go.go(() -> {
            note = "receiver was here";
            jobs.recv();
        });
        Select.select(Case.send(jobs, 1, () -> null), Case.recv(unused, v -> null));
        String seen = note;
        receiver.join();
        System.out.println("seen = " + seen);
    }
}
