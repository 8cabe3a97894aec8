package io.github.go4j.racesuite.race;

import java.util.concurrent.locks.LockSupport;

/** LockSupport.unpark/park used as a signal: the writer's write of {@code data} before unpark races with the reader's read after park. */
public final class ParkUnparkAsSync {

    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            LockSupport.park(); // returns at once if the permit is already there; may also return spuriously
            System.out.println("data = " + data);
        });
        reader.start();
        Thread writer = new Thread(() -> {
            data = 42;
            LockSupport.unpark(reader);
        });
        writer.start();
        reader.join();
        writer.join();
    }
}
