package io.github.go4j.racesuite.race;

import io.github.go4j.Go;
import io.github.go4j.chan.Chan;

/** A buffered channel of capacity 2 used as a mutex admits both goroutines (no k-th receive precedes a (k+2)-th send): the two {@code count++} race. */
public final class ChanSemaphoreTooWide {

    private static int count;

    public static void main(String[] args) throws InterruptedException {
        Chan<Boolean> sem = Chan.make(2);
        Go.Task critical = () -> {
            sem.send(true);
            count++;
            sem.recv();
        };
        Thread a = Go.go(critical);
        Thread b = Go.go(critical);
        a.join();
        b.join();
        System.out.println("count = " + count);
    }
}
