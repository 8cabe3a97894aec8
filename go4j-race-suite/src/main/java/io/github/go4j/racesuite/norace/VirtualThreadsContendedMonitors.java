package io.github.go4j.racesuite.norace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 1000 virtual threads take turns at four monitors, 20 times each, while they allocate: threads that wait
 * for a monitor unmount (JEP 491) and collections move the monitors' objects meanwhile. Each counter is
 * touched only under its own monitor (a block or a synchronized method); main reads them after join.
 */
public final class VirtualThreadsContendedMonitors {

    private static final class Counter {
        private long total; // guarded by this
        private Object last; // guarded by this

        synchronized void add(long n, Object note) {
            total += n;
            last = note;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Counter[] counters = {new Counter(), new Counter(), new Counter(), new Counter()};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 1000; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20; i++) {
                    Counter c = counters[ThreadLocalRandom.current().nextInt(counters.length)];
                    if (i % 2 == 0) {
                        synchronized (c) {
                            c.total++;
                            c.last = garbage();
                        }
                    } else {
                        c.add(1, garbage());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long sum = 0;
        for (Counter c : counters) {
            sum += c.total;
        }
        if (sum != 1000 * 20) {
            throw new AssertionError("sum = " + sum);
        }
    }

    /** A few KB of garbage, so that collections happen while threads wait for a monitor. */
    private static Object garbage() {
        Object[] g = new Object[32];
        for (int i = 0; i < g.length; i++) {
            g[i] = new byte[128];
        }
        return g[ThreadLocalRandom.current().nextInt(g.length)];
    }
}
