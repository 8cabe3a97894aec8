package io.github.go4j.racesuite.norace;

import java.util.HashMap;
import java.util.Map;

/** Lazy initialisation inside a synchronized accessor, called by two threads. */
public final class LazyInitSynchronized {

    private static Map<String, Integer> cache; // guarded by LazyInitSynchronized.class

    static synchronized Map<String, Integer> cache() {
        if (cache == null) {
            Map<String, Integer> m = new HashMap<>();
            m.put("answer", 42);
            cache = m;
        }
        return cache;
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable use = () -> {
            if (cache().get("answer") != 42) {
                throw new AssertionError();
            }
        };
        Thread a = new Thread(use);
        Thread b = new Thread(use);
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
