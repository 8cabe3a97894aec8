package io.github.go4j.racesuite.norace;

import java.util.concurrent.locks.LockSupport;

/** park/unpark for waking, a volatile flag for ordering: the writer writes {@code data}, sets {@code ready}, unparks; the reader parks until {@code ready} and reads {@code data}. */
public final class ParkUnparkWithVolatileFlag {

    private static volatile boolean ready;
    private static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            while (!ready) {
                LockSupport.park();
            }
            if (data != 42) {
                throw new AssertionError();
            }
        });
        reader.start();
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true;
            LockSupport.unpark(reader);
        });
        writer.start();
        reader.join();
        writer.join();
    }
}
