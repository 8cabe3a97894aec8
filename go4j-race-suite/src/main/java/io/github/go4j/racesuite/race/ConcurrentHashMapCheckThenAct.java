package io.github.go4j.racesuite.race;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Two threads check-then-increment the same mutable value of a ConcurrentHashMap: the map is safe, the value is not; the reads and writes of {@code Counter.n} race. */
public final class ConcurrentHashMapCheckThenAct {

    static final class Counter {
        int n;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
        counters.put("visits", new Counter());
        Runnable visit = () -> {
            Counter c = counters.get("visits");
            if (c.n < 10) {
                c.n++;
            }
        };
        Thread a = new Thread(visit);
        Thread b = new Thread(visit);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("visits = " + counters.get("visits").n);
    }
}
