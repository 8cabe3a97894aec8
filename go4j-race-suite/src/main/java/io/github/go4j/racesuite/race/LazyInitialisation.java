package io.github.go4j.racesuite.race;

import java.util.HashMap;
import java.util.Map;

/** Unsynchronised lazy initialisation from two threads: one thread's write of {@code cache} races with the other's read of it. */
public final class LazyInitialisation {

    private static Map<String, Integer> cache;

    static Map<String, Integer> cache() {
        if (cache == null) {
            Map<String, Integer> m = new HashMap<>();
            m.put("answer", 42);
            cache = m;
        }
        return cache;
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable use = () -> System.out.println("answer = " + cache().get("answer"));
        Thread a = new Thread(use);
        Thread b = new Thread(use);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
