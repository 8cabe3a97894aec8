package io.github.go4j.racesuite.norace;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** A buffered channel of capacity 1 used as a mutex (send to acquire, receive to release): the k-th receive happens-before the (k+1)-th send, so the {@code count++} are ordered. */
public final class ChanSemaphore {

    private static int count;

    public static void main(String[] args) throws InterruptedException {
        Chan<Boolean> mutex = Chan.make(1);
        Go.Task work = () -> {
            for (int i = 0; i < 100; i++) {
                mutex.send(true);
                count++;
                mutex.recv();
            }
        };
        Thread a = Go.go(work);
        Thread b = Go.go(work);
        a.join();
        b.join();
        if (count != 200) {
            throw new AssertionError();
        }
    }
}
