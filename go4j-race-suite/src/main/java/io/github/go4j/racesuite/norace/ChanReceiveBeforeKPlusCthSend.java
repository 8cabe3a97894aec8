package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** Go's k-th receive → (k+C)-th send rule: a goroutine writes {@code note} and then receives once from a channel of capacity 1; main reads it after its second send, even when its first send handed the value to the receiver parked in the channel. */
public final class ChanReceiveBeforeKPlusCthSend {

    private static String note;

    public static void main(String[] args) throws InterruptedException {
        Chan<Integer> slots = Chan.make(1);
        Thread receiver = Go.go(() -> {
            note = "receiver was here";
            slots.recv();
        });
        // Not synchronisation, only likelier coverage of the handoff path: wait until the receiver parks.
        long until = System.nanoTime() + 1_000_000_000L;
        while (receiver.getState() != Thread.State.WAITING && receiver.isAlive() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        slots.send(1);
        slots.send(2); // completes only after the first receive: it happens-after the write of note
        String seen = note;
        receiver.join();
        System.out.println("seen = " + seen);
    }
}
